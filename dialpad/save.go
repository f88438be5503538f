package dialpad

import (
	"context"
	"maps"
)

// Saved is the outcome of a save: the diff that was computed and, when a
// PATCH went out, the resource as Dialpad answered it. When nothing was sent
// (no change, or a conflict) Current is the fresh read, so a page can show
// the present state without another request.
type Saved[T any] struct {
	Diff    Diff
	Sent    bool
	Current *T
}

// save is the one save path: read the resource fresh, compare the person's
// edit with the base the form was rendered from and with that read, and send
// one PATCH with only the person's own changes plus extra (explicit actions
// that are not field edits). Nothing to send, or any conflict, means no
// request.
func save[T any](ctx context.Context, base, mine T, spec PatchSpec, extra Patch,
	read func(context.Context) (*T, error),
	write func(context.Context, Patch) (*T, error),
) (Saved[T], error) {
	theirs, err := read(ctx)
	if err != nil {
		return Saved[T]{}, err
	}
	d, err := ComputePatch(base, mine, *theirs, spec)
	if err != nil {
		return Saved[T]{}, err
	}
	if d.HasConflicts() || len(d.Patch)+len(extra) == 0 {
		return Saved[T]{Diff: d, Current: theirs}, nil
	}
	body := Patch{}
	maps.Copy(body, d.Patch)
	maps.Copy(body, extra)
	updated, err := write(ctx, body)
	if err != nil {
		return Saved[T]{Diff: d, Current: theirs}, err
	}
	return Saved[T]{Diff: d, Sent: true, Current: updated}, nil
}

// SaveCallCenter saves the person's edit of a call center (see save).
func (c *Client) SaveCallCenter(ctx context.Context, id ID, base, mine CallCenter) (Saved[CallCenter], error) {
	return save(ctx, base, mine, CallCenterPatchSpec(), nil,
		func(ctx context.Context) (*CallCenter, error) { return c.CallCenter(ctx, id) },
		func(ctx context.Context, p Patch) (*CallCenter, error) { return c.UpdateCallCenter(ctx, id, p) })
}

// SaveDepartment saves the person's edit of a department (see save).
func (c *Client) SaveDepartment(ctx context.Context, id ID, base, mine Department) (Saved[Department], error) {
	return save(ctx, base, mine, DepartmentPatchSpec(), nil,
		func(ctx context.Context) (*Department, error) { return c.Department(ctx, id) },
		func(ctx context.Context, p Patch) (*Department, error) { return c.UpdateDepartment(ctx, id, p) })
}

// SaveCallRouter saves the person's edit of a call router (see save). extra
// carries explicit actions that are never diffs (secret, reset_error_count);
// they ride in the same PATCH, because Dialpad allows one router PATCH per
// five minutes. With extra alone and no field change, the PATCH is extra.
func (c *Client) SaveCallRouter(ctx context.Context, id ID, base, mine CallRouter, extra Patch) (Saved[CallRouter], error) {
	return save(ctx, base, mine, CallRouterPatchSpec(), extra,
		func(ctx context.Context) (*CallRouter, error) { return c.CallRouter(ctx, id) },
		func(ctx context.Context, p Patch) (*CallRouter, error) { return c.UpdateCallRouter(ctx, id, p) })
}
