package handlers

import (
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// IVRRename saves the rename form: PATCH /customivrs/{ivr_id} with only
// the fields the person changed, through the one save path (fresh read,
// three-way comparison). Too long, empty or multi-line values answer 422
// with the input kept; someone else changing the same field meanwhile
// answers 409 with the conflict panel.
func (h *Handler) IVRRename(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	t, ivrID, ok := h.ivrRecordingFromURL(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxFormBytes) {
		return
	}
	var st ivrRenameState
	if !h.openSealed(w, r, ivrRenameKind(t, ivrID), r.PostForm.Get("_base"), t.path()+"/recordings/"+ivrID.String(), &st) {
		return
	}
	t.Name, t.OfficeID = st.Target, st.OfficeID
	if !who.May(access.EditIVR, t.OfficeID) {
		h.refuseChange(w, r, access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
		return
	}
	// A field the post does not carry keeps the recording's own.
	f := ivrRenameForm{Name: st.IVR.Name, Description: st.IVR.Description, Choices: conflictChoices(r.PostForm)}
	postedString(r.PostForm, "name", &f.Name)
	postedString(r.PostForm, "description", &f.Description)
	if f.Choices["name"] == views.ConflictTakeTheirs {
		f.Name = st.IVR.Name
	}
	if f.Choices["description"] == views.ConflictTakeTheirs {
		f.Description = st.IVR.Description
	}
	f.validate(st.IVR)
	if len(f.FieldErrors) > 0 {
		h.renderIVRRename(w, r, http.StatusUnprocessableEntity, t, st, f, "", views.ConflictPanel{})
		return
	}
	mine := st.IVR
	mine.Name, mine.Description = dialpad.NormalizeLine(f.Name), dialpad.NormalizeLine(f.Description)
	saved, err := who.Client.SaveCustomIVRDetails(r.Context(), t.Kind.Type, t.ID, ivrID, st.IVR, mine)
	if attemptedSave(saved.Diff, saved.Current != nil, nil) {
		// Fields name the recording: a target has many.
		changes := auditChanges(saved.Diff.SentChanges())
		for i := range changes {
			changes[i].Field = "customivr " + ivrID.String() + " " + changes[i].Field
		}
		h.audit(r.Context(), who, ivrResource(t), changes, err)
	}
	if outcomeUnknown(err) {
		h.ivrRenameOutcomeUnknown(w, r, who, t, st, f, saved.Diff.Changes, err)
		return
	}
	if err != nil {
		h.ivrRenameFailure(w, r, t, st, f, err)
		return
	}
	if saved.Diff.HasConflicts() {
		h.ivrRenameConflict(w, r, t, st, f, saved)
		return
	}
	h.logger().InfoContext(r.Context(), "ivrs: renamed", "ivr_id", ivrID, "sent", saved.Sent)
	h.Flash(r, ivrRenamedMessage(st.IVR, mine, saved))
	redirectAfterPost(w, r, t.path()+"#type-"+st.IVRType)
}

// ivrRenameFailure shows the form again with Dialpad's failure in plain
// words; Dialpad refusing the values (400) is the person's to fix: 422.
func (h *Handler) ivrRenameFailure(w http.ResponseWriter, r *http.Request, t ivrTarget, st ivrRenameState, f ivrRenameForm, err error) {
	status, msg, ok := h.formFailure(w, r, err, "ivrs: rename failed", "ivr_id", st.IVR.ID)
	if !ok {
		return
	}
	h.renderIVRRename(w, r, status, t, st, f, msg, views.ConflictPanel{})
}

// ivrRenameConflict answers 409: the form re-based on the IVR as Dialpad
// has it now, the person's own edits on top, and a panel per field.
func (h *Handler) ivrRenameConflict(w http.ResponseWriter, r *http.Request, t ivrTarget, st ivrRenameState, f ivrRenameForm,
	saved dialpad.Saved[dialpad.CustomIVR]) {
	fields := make([]string, len(saved.Diff.Conflicts))
	for i, c := range saved.Diff.Conflicts {
		fields[i] = c.Field
	}
	h.ivrRenameRebased(w, r, http.StatusConflict, t, st, f, *saved.Current, fields, "", false)
}

// ivrRenameRebased answers status with the form re-based on current (a
// fresh read), the person's own edits on top, and a panel of fields: a
// conflict, or with unknown a rename Dialpad may have applied.
func (h *Handler) ivrRenameRebased(w http.ResponseWriter, r *http.Request, status int, t ivrTarget, st ivrRenameState,
	f ivrRenameForm, current dialpad.CustomIVR, fields []string, message string, unknown bool) {
	fresh := st
	fresh.IVR = current
	if dialpad.NormalizeLine(f.Name) == dialpad.NormalizeLine(st.IVR.Name) {
		f.Name = fresh.IVR.Name
	}
	if dialpad.NormalizeLine(f.Description) == dialpad.NormalizeLine(st.IVR.Description) {
		f.Description = fresh.IVR.Description
	}
	panel := views.ConflictPanel{Kind: "recording", Unknown: unknown}
	for _, field := range fields {
		mine, theirs := f.Name, fresh.IVR.Name
		if field == "description" {
			mine, theirs = f.Description, fresh.IVR.Description
		}
		panel.Rows = append(panel.Rows, views.ConflictRow{Field: field, Label: capitalize(field), Mine: orEmpty(mine), Theirs: orEmpty(theirs)})
	}
	h.renderIVRRename(w, r, status, t, fresh, f, message, panel)
}

// ivrRenameOutcomeUnknown answers a rename Dialpad may have applied (504
// when it did not answer in time, 502 otherwise): the recording is read
// again and the changed fields set beside what Dialpad has now.
func (h *Handler) ivrRenameOutcomeUnknown(w http.ResponseWriter, r *http.Request, who *Identity, t ivrTarget, st ivrRenameState,
	f ivrRenameForm, changes []dialpad.Change, err error) {
	status := unknownOutcomeStatus(err)
	h.logger().WarnContext(r.Context(), "ivrs: rename outcome unknown", "ivr_id", st.IVR.ID, "status", status, "err", err)
	msg := unknownOutcomeMessage(err)
	ctx, cancel := h.recheckContext(r.Context())
	defer cancel()
	types, rerr := who.Client.CustomIVRs(ctx, t.Kind.Type, t.ID)
	current, _, found := dialpad.FindCustomIVR(types, st.IVR.ID)
	if rerr != nil || !found {
		h.logger().WarnContext(r.Context(), "ivrs: read-back failed", "ivr_id", st.IVR.ID, "err", rerr)
		h.renderIVRRename(w, r, status, t, st, f, msg+" "+unreadBack+inputKept, views.ConflictPanel{})
		return
	}
	fields := make([]string, len(changes))
	for i, c := range changes {
		fields[i] = c.Field
	}
	h.ivrRenameRebased(w, r, status, t, st, f, current, fields, msg, true)
}

func ivrRenamedMessage(old, mine dialpad.CustomIVR, saved dialpad.Saved[dialpad.CustomIVR]) string {
	switch {
	case !saved.Sent && len(saved.Diff.Changes) > 0:
		return "Dialpad already has this name and description — nothing was sent."
	case !saved.Sent:
		return "Nothing to save: the name and description are unchanged."
	}
	var parts []string
	if _, renamed := saved.Diff.Patch["name"]; renamed {
		parts = append(parts, "renamed “"+old.Name+"” to “"+mine.Name+"”")
	}
	if _, redescribed := saved.Diff.Patch["description"]; redescribed {
		parts = append(parts, "description of “"+mine.Name+"” updated")
	}
	return "Saved: " + strings.Join(parts, "; ") + "."
}
