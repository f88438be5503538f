package handlers

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"

	"switchboard/dialpad"
)

// maxTargetLookups bounds the targets a page reads one by one; past it the
// chooser's four lists cost about as much and name everything.
const maxTargetLookups = 20

// routerNames returns what a page needs to name tgs and to tell whether
// they exist: the offices (one call) and each target read by id, all at
// once. In a company of a thousand call centers that is 2 or 3 calls where
// the chooser's four lists are over 40; the read cache (cache.go) answers
// them again for half a minute.
func (h *Handler) routerNames(ctx context.Context, who *Identity, tgs ...target) (*routerTargets, error) {
	var unknown []target
	for _, tg := range tgs {
		if lookupKind(tg.kind) && tg.id != 0 && !slices.Contains(unknown, tg) {
			unknown = append(unknown, tg)
		}
	}
	if len(unknown) > maxTargetLookups {
		return h.routerTargets(ctx, who)
	}

	var (
		wg         fanOut
		offices    []dialpad.Office
		officesErr error
		found      = make([]lookup, len(unknown))
	)
	wg.Go(func() { offices, officesErr = who.Client.Offices(ctx) })
	for i, tg := range unknown {
		wg.Go(func() { found[i] = lookupTarget(ctx, who.Client, tg) })
	}
	if err := wg.Wait(); err != nil {
		return nil, err
	}
	errs := []error{officesErr}
	for _, l := range found {
		errs = append(errs, l.err)
	}
	if err := cmp.Or(errs...); err != nil {
		return nil, err
	}
	var none *routerTargets
	return none.with(offices, unknown, found), nil
}

// routerTargets returns the person's targets with the chooser's four
// lists, read through the read cache.
func (h *Handler) routerTargets(ctx context.Context, who *Identity) (*routerTargets, error) {
	return loadTargets(ctx, who.Client)
}

// lookupKind reports whether a target of the kind is read by id to name
// it. Offices come from the office list every page reads anyway; other
// kinds are not offered by the chooser and stay unnamed.
func lookupKind(kind string) bool {
	switch kind {
	case dialpad.TargetCallCenter, dialpad.TargetDepartment, dialpad.TargetUser:
		return true
	}
	return false
}

// lookup is one target read by id: its name, or that Dialpad has none.
type lookup struct {
	name    string
	missing bool
	err     error
}

func lookupTarget(ctx context.Context, c *dialpad.Client, tg target) lookup {
	var name string
	var err error
	switch tg.kind {
	case dialpad.TargetCallCenter:
		var cc *dialpad.CallCenter
		if cc, err = c.CallCenter(ctx, tg.id); err == nil {
			name = cc.Name
		}
	case dialpad.TargetDepartment:
		var d *dialpad.Department
		if d, err = c.Department(ctx, tg.id); err == nil {
			name = d.Name
		}
	case dialpad.TargetUser:
		var u *dialpad.User
		if u, err = c.User(ctx, tg.id); err == nil {
			name = displayName(u.DisplayName, u.FirstName, u.LastName)
		}
	}
	switch {
	case errors.Is(err, dialpad.ErrNotFound):
		return lookup{missing: true}
	case err != nil:
		return lookup{err: err}
	}
	return lookup{name: cmp.Or(name, targetKinds[tg.kind]+" "+tg.id.String())}
}

// with is a copy of t (nil: an empty one) holding offices and what the
// lookups of tgs found.
func (t *routerTargets) with(offices []dialpad.Office, tgs []target, found []lookup) *routerTargets {
	out := &routerTargets{offices: offices, names: map[target]string{}, missing: map[target]bool{}}
	if t != nil {
		maps.Copy(out.names, t.names)
		maps.Copy(out.missing, t.missing)
		out.groups = t.groups
	}
	for i, tg := range tgs {
		if found[i].missing {
			out.missing[tg] = true
		} else {
			out.names[tg] = found[i].name
		}
	}
	return out
}
