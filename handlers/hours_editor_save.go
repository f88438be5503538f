package handlers

import (
	"errors"
	"maps"
	"net/http"
	"slices"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// saveHoursEditor handles a posted editor form.
//
//   - An action button (_action=add:monday_hours...) changes the form and
//     shows it again: 200, nothing sent.
//   - Invalid input: 422, the same form with every message beside its field.
//   - Someone Dialpad would refuse (permissions.go): 403, nothing sent.
//   - Save: one PATCH with only the person's changes, through dialpad's
//     save path (fresh read, three-way diff). Success or nothing to send:
//     a flash naming what changed and 303 to the page. A conflict: 409,
//     nothing sent, the form re-based on the fresh read with a panel to
//     decide each field. Dialpad failing: its status, the input kept.
func saveHoursEditor[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T]) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	id, ok := h.editorID(w, r)
	if !ok {
		return
	}
	if !who.MaySomewhere(access.EditHours) {
		h.refuseChange(w, r, access.EditHours, Resource(t.kind), 0, "")
		return
	}
	p, ok := readHoursSubmission(h, w, r, t, id)
	if !ok {
		return
	}
	if !who.May(access.EditHours, t.get(p.base).OfficeID) {
		h.refuseChange(w, r, access.EditHours, Resource(t.kind), t.get(p.base).OfficeID, p.office)
		return
	}

	if action := r.PostForm.Get("_action"); action != "" && action != "save" {
		err := p.form.doAction(action)
		if nc := (noCopyDaysError{}); errors.As(err, &nc) {
			// Nothing to copy to: the menu shows again, open, saying so.
			p.copyUnticked = nc.from.Field()
			renderHoursEditor(h, w, r, t, http.StatusUnprocessableEntity, p)
			return
		}
		if err != nil {
			h.logger().WarnContext(r.Context(), "editor: unknown action", "kind", t.kind, "id", id, "action", truncateRunes(action, 60))
			h.RenderError(w, r, http.StatusBadRequest, "Unknown action",
				"Switchboard did not recognise that button, so nothing was changed. Reload the page and try again.")
			return
		}
		renderHoursEditor(h, w, r, t, http.StatusOK, p)
		return
	}

	p.form.validate(t.get(p.base))
	if len(p.form.Problems) > 0 {
		renderHoursEditor(h, w, r, t, http.StatusUnprocessableEntity, p)
		return
	}
	_, mine, err := t.mine(p)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	saved, err := t.save(r.Context(), who.Client, id, p.base, mine)
	if attemptedSave(saved.Diff, saved.Current != nil, nil) {
		g := t.get(p.base)
		h.audit(r.Context(), who, audit.Resource{Kind: audit.Kind(t.kind), ID: id.String(), Name: g.Name, OfficeID: g.OfficeID},
			auditChanges(saved.Diff.SentChanges()), err)
	}
	if outcomeUnknown(err) {
		hoursOutcomeUnknown(h, w, r, t, p, who, saved.Diff.Changes, err)
		return
	}
	if err != nil {
		hoursUpstreamFailure(h, w, r, t, p, err)
		return
	}
	if saved.Diff.HasConflicts() {
		hoursConflict(h, w, r, t, http.StatusConflict, p, saved.Current, saved.Diff.Changes, conflictFields(saved.Diff.Conflicts))
		return
	}

	msg := savedMessage(saved.Diff.Patch)
	if !saved.Sent && len(saved.Diff.Changes) > 0 {
		// Someone already made the very same change in Dialpad.
		msg = "Dialpad already has these values — nothing was sent."
	}
	h.logger().InfoContext(r.Context(), "editor: saved", "kind", t.kind, "id", id,
		"sent", saved.Sent, "fields", slices.Sorted(maps.Keys(saved.Diff.Patch)))
	h.Flash(r, msg)
	redirectAfterPost(w, r, t.pageURL(id))
}

// hoursUpstreamFailure shows the form again, everything typed kept, with
// Dialpad's failure in plain words at the top and the status that fits it.
// Dialpad refusing the values (400) is the person's to fix: 422.
func hoursUpstreamFailure[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T], p editorPage[T], err error) {
	status, msg, ok := h.formFailure(w, r, err, "editor: save failed", "kind", t.kind, "id", p.id)
	if !ok {
		return
	}
	p.message = msg
	renderHoursEditor(h, w, r, t, status, p)
}

// hoursConflict answers status (409) with the form re-based on the fresh
// read: the person's changes on top of what Dialpad has now, sealed against
// it, and a panel asking, for each field both changed, whose value to keep.
func hoursConflict[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T], status int, p editorPage[T],
	theirs *T, changes []dialpad.Change, conflicts []string) {
	merged, err := dialpad.Rebase(*theirs, changes)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	token, err := h.seal(t.sealKind(p.id), *theirs)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	h.logger().InfoContext(r.Context(), "editor: conflict", "kind", t.kind, "id", p.id, "fields", conflicts)
	p.base, p.token = *theirs, token
	p.tz = t.get(*theirs).Timezone
	p.form = formFromGroup(t.get(merged))
	p.form.Choices = map[string]string{}
	for _, f := range conflicts {
		p.form.Choices[f] = views.ConflictKeepMine
	}
	renderHoursEditor(h, w, r, t, status, p)
}

// hoursOutcomeUnknown answers a save Dialpad may have applied (504 when it
// did not answer in time, 502 otherwise): the form is re-based on a fresh
// read as after a conflict, and the panel sets every field the person
// changed beside what Dialpad has now. When even that read fails, the form
// comes back as typed and says so.
func hoursOutcomeUnknown[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T], p editorPage[T],
	who *Identity, changes []dialpad.Change, err error) {
	status := unknownOutcomeStatus(err)
	h.logger().WarnContext(r.Context(), "editor: save outcome unknown", "kind", t.kind, "id", p.id, "status", status, "err", err)
	ctx, cancel := h.recheckContext(r.Context())
	defer cancel()
	theirs, rerr := t.read(ctx, who.Client, p.id)
	if rerr != nil {
		h.logger().WarnContext(r.Context(), "editor: read-back failed", "kind", t.kind, "id", p.id, "err", rerr)
		p.message = unknownOutcomeMessage(err) + " " + unreadBack + inputKept
		renderHoursEditor(h, w, r, t, status, p)
		return
	}
	fields := make([]string, 0, len(changes))
	for _, c := range changes {
		fields = append(fields, c.Field)
	}
	p.message, p.unknown = unknownOutcomeMessage(err), true
	hoursConflict(h, w, r, t, status, p, theirs, changes, fields)
}

// conflictFields names the fields of conflicts.
func conflictFields(cs []dialpad.Conflict) []string {
	fields := make([]string, len(cs))
	for i, c := range cs {
		fields[i] = c.Field
	}
	return fields
}

// redirectAfterPost ends a successful post: 303 to target, or for htmx an
// HX-Redirect, since a 303 would be followed and swapped into the page.
func redirectAfterPost(w http.ResponseWriter, r *http.Request, target string) {
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", target)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
