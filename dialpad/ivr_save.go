package dialpad

import (
	"context"
	"fmt"
	"maps"
	"net/http"
)

// IVRChange moves one IVR type of a target from one selection to another.
type IVRChange struct {
	IVRType  string
	From, To IVRSelection
	// SelectOption limits a call center's recording notice to "inbound" or
	// "outbound" calls; "" means both.
	SelectOption string
}

// IVRConflict is a type the person changed while someone else changed it
// differently in Dialpad.
type IVRConflict struct {
	IVRType            string
	Base, Mine, Theirs IVRSelection
}

// SavedIVRs is the outcome of SaveCustomIVRs.
type SavedIVRs struct {
	// Changes is every type the person changed against the base, in
	// catalogue order, sent or not.
	Changes []IVRChange
	// Sent is what went out, in order; after an error, what went out before it.
	Sent []IVRChange
	// Failed is the change whose request failed, when one did: what went
	// out without a clear answer, or what Dialpad refused.
	Failed *IVRChange
	// Conflicts lists the types both sides changed; when there is any,
	// nothing was sent.
	Conflicts []IVRConflict
	// Current is the fresh read the comparison was made against.
	Current []CustomIVRType
}

// IVRChoiceError means the person picked something the target does not
// offer for that type (any more): an IVR of another type or target, one
// deleted meanwhile, or two IVRs at once.
type IVRChoiceError struct {
	IVRType   string
	Selection IVRSelection
}

func (e *IVRChoiceError) Error() string {
	return fmt.Sprintf("dialpad: %s cannot select IVR %s", e.IVRType, e.Selection)
}

// SaveCustomIVRs is the save path of a target's IVR assignments, like save
// for resources: read the assignments fresh, compare the person's
// selections (mine; an absent type means Dialpad's default) with the base
// the form was rendered from and with that read, and send one request for
// each type the person changed: PATCH with the chosen ivr_id, or DELETE of
// the previously selected IVR to go back to Dialpad's default (which
// deletes that recording in Dialpad: callers confirm it with the person
// first; the three-way comparison makes sure only a recording of base is
// deleted). Types not changed send nothing. Any conflict, or any choice the
// target does not offer, sends nothing at all. options holds select_option per type
// ("inbound", "outbound"); it only applies to a call center's recording
// notices and is ignored elsewhere. Requests go out one at a time and stop
// at the first failure.
func (c *Client) SaveCustomIVRs(ctx context.Context, targetType string, targetID ID, base, mine IVRSelections, options map[string]string) (SavedIVRs, error) {
	current, err := c.CustomIVRs(ctx, targetType, targetID)
	if err != nil {
		return SavedIVRs{}, err
	}
	theirs := SelectionsOf(current)
	b, m := nonNil(base), nonNil(mine)
	d, err := ComputePatch(b, m, theirs, PatchSpec{Fields: selectionFields(b, m, theirs)})
	if err != nil {
		return SavedIVRs{}, err
	}
	out := SavedIVRs{Current: current}
	for _, ch := range d.Changes {
		out.Changes = append(out.Changes, IVRChange{IVRType: ch.Field, From: b[ch.Field], To: m[ch.Field]})
	}
	for _, cf := range d.Conflicts {
		out.Conflicts = append(out.Conflicts, IVRConflict{IVRType: cf.Field, Base: b[cf.Field], Mine: m[cf.Field], Theirs: theirs[cf.Field]})
	}
	if len(out.Conflicts) > 0 {
		return out, nil
	}
	var todo []IVRChange
	for _, ch := range out.Changes {
		if _, send := d.Patch[ch.IVRType]; !send {
			continue // someone made the same change already
		}
		if err := checkChoice(current, ch.IVRType, ch.To); err != nil {
			return out, err
		}
		ch.From = theirs[ch.IVRType]
		ch.SelectOption = selectOption(targetType, ch.IVRType, options[ch.IVRType])
		todo = append(todo, ch)
	}
	for _, ch := range todo {
		if err := c.ApplyIVRChange(ctx, targetType, targetID, ch); err != nil {
			out.Failed = &ch
			return out, err
		}
		out.Sent = append(out.Sent, ch)
	}
	return out, nil
}

// ApplyIVRChange sends what moves one type from ch.From to ch.To: a PATCH
// selecting the one IVR of ch.To, or, to go back to Dialpad's default, a
// DELETE for each IVR of ch.From (the spec wants the ivr_id in its body).
func (c *Client) ApplyIVRChange(ctx context.Context, targetType string, targetID ID, ch IVRChange) error {
	switch len(ch.To) {
	case 0:
		for _, id := range ch.From {
			if err := c.UnassignCustomIVR(ctx, targetType, targetID, ch.IVRType, AssignCustomIVR{IVRID: id, SelectOption: ch.SelectOption}); err != nil {
				return err
			}
		}
		return nil
	case 1:
		_, err := c.AssignCustomIVR(ctx, targetType, targetID, ch.IVRType, AssignCustomIVR{IVRID: ch.To[0], SelectOption: ch.SelectOption})
		return err
	}
	return &IVRChoiceError{IVRType: ch.IVRType, Selection: ch.To}
}

// SaveCustomIVRDetails renames or redescribes an IVR of a target through the
// one save path: a fresh read of the target's IVRs, a three-way diff of
// name and description, and one PATCH with only the fields the person
// changed.
func (c *Client) SaveCustomIVRDetails(ctx context.Context, targetType string, targetID, ivrID ID, base, mine CustomIVR) (Saved[CustomIVR], error) {
	return save(ctx, base, mine, CustomIVRPatchSpec(), nil,
		func(ctx context.Context) (*CustomIVR, error) {
			types, err := c.CustomIVRs(ctx, targetType, targetID)
			if err != nil {
				return nil, err
			}
			v, _, ok := FindCustomIVR(types, ivrID)
			if !ok {
				return nil, &APIError{StatusCode: http.StatusNotFound, Message: "custom IVR " + ivrID.String() + " not found",
					Method: http.MethodGet, Path: "/api/v2/customivrs"}
			}
			return &v, nil
		},
		func(ctx context.Context, p Patch) (*CustomIVR, error) {
			return sendOne[CustomIVR](ctx, c, http.MethodPatch, "/api/v2/customivrs/"+ivrID.String(), p)
		})
}

// checkChoice accepts the default or one IVR the target has for the type.
func checkChoice(current []CustomIVRType, ivrType string, to IVRSelection) error {
	switch len(to) {
	case 0:
		return nil
	case 1:
		for _, v := range ivrsOfType(current, ivrType) {
			if v.ID == to[0] {
				return nil
			}
		}
	}
	return &IVRChoiceError{IVRType: ivrType, Selection: to}
}

// selectOption keeps "inbound" and "outbound" where the spec allows them:
// call center recording notices.
func selectOption(targetType, ivrType, option string) string {
	if targetType != TargetCallCenter || !IsRecordingIVR(ivrType) {
		return ""
	}
	if option == "inbound" || option == "outbound" {
		return option
	}
	return ""
}

func nonNil(s IVRSelections) IVRSelections {
	out := IVRSelections{}
	maps.Copy(out, s)
	return out
}
