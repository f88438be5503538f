package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"switchboard/dialpad"
	"switchboard/handlers/audit"
)

// audit records one write sent to Dialpad for the audit trail: who sent it
// (who), to what (res), each field's old and new value (changes) and what
// came of it, read from the write's error: nil is applied, an *APIError is
// Dialpad's refusal, dialpad.ErrOutcomeUnknown is unknown. Any other error
// means the request never went out, so nothing is recorded; callers call
// audit only after a write was attempted. Secrets that were sent are
// passed as redact: Dialpad's message could quote them. Recording never
// fails the page: a store failure is logged, and the person's answer goes
// on.
func (h *Handler) audit(ctx context.Context, who *Identity, res audit.Resource, changes []audit.Change, err error, redact ...string) {
	if h.Audit == nil || who == nil {
		return
	}
	outcome, sent := auditOutcome(err)
	if !sent {
		return
	}
	for _, s := range redact {
		outcome.Message = scrub(outcome.Message, s)
	}
	e := audit.Entry{
		Actor:      auditActor(who),
		Credential: who.Credential,
		Resource:   res,
		Changes:    changes,
		Outcome:    outcome,
	}
	if e.Credential == "" {
		e.Credential = audit.OwnToken
	}
	// The record outlives a person closing the tab mid-write.
	if _, rerr := h.Audit.Record(context.WithoutCancel(ctx), e); rerr != nil {
		h.logger().ErrorContext(ctx, "audit: not recorded", "kind", res.Kind, "id", res.ID, "err", rerr)
	}
}

// auditor is h.audit bound to one person, for code that has no Handler
// (bulk saves).
type auditor func(ctx context.Context, res audit.Resource, changes []audit.Change, err error)

func (h *Handler) auditor(who *Identity) auditor {
	return func(ctx context.Context, res audit.Resource, changes []audit.Change, err error) {
		h.audit(ctx, who, res, changes, err)
	}
}

// auditOutcome sorts a write's error into an outcome, and reports whether
// the write reached Dialpad at all.
func auditOutcome(err error) (audit.Outcome, bool) {
	var apiErr *dialpad.APIError
	switch {
	case err == nil:
		return audit.AppliedOutcome(), true
	case errors.Is(err, dialpad.ErrOutcomeUnknown):
		reason := "no answer from Dialpad"
		if errors.As(err, &apiErr) {
			reason = fmt.Sprintf("Dialpad answered %d %s", apiErr.StatusCode, apiErr.Message)
		}
		return audit.UnknownOutcome(reason), true
	case errors.As(err, &apiErr):
		return audit.RefusedOutcome(apiErr.StatusCode, apiErr.Message), true
	}
	return audit.Outcome{}, false
}

// auditActor is the person as the record names them: their first email
// and their display name.
func auditActor(who *Identity) audit.Actor {
	a := audit.Actor{Name: who.User.DisplayName}
	if len(who.User.Emails) > 0 {
		a.Email = who.User.Emails[0]
	}
	if a.Name == "" {
		a.Name = a.Email
	}
	return a
}

// auditChanges turns the changes a dialpad save computed into the
// record's text values.
func auditChanges(cs []dialpad.Change) []audit.Change {
	out := make([]audit.Change, 0, len(cs))
	for _, c := range cs {
		out = append(out, audit.Change{Field: c.Field, Old: auditValue(c.Old), New: auditValue(c.New)})
	}
	return out
}

// auditValue is one value as text: scalars as they read, lists and objects
// as JSON ("["08:00","17:00"]"), nothing as "".
func auditValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool, int, int64, dialpad.ID:
		return fmt.Sprint(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// auditChange is one field's change from plain values.
func auditChange(field string, old, new any) audit.Change {
	return audit.Change{Field: field, Old: auditValue(old), New: auditValue(new)}
}

// attemptedSave reports whether a dialpad save sent its PATCH (accepted or
// not): it read the resource (current is set), found no conflict and had
// something to send, its own changes or extra.
func attemptedSave(d dialpad.Diff, current bool, extra dialpad.Patch) bool {
	return current && !d.HasConflicts() && len(d.Patch)+len(extra) > 0
}

// routerResource names a call router in the record.
func routerResource(cr dialpad.CallRouter) audit.Resource {
	return audit.Resource{Kind: audit.CallRouter, ID: cr.ID.String(), Name: cr.Name, OfficeID: cr.OfficeID}
}
