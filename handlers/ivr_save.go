package handlers

import (
	"errors"
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// IVRSave saves the assignments form: for each type whose select the
// person changed, one PATCH with the chosen ivr_id, or a DELETE of the
// previous IVR for "Dialpad default"; nothing for the others. A DELETE
// deletes the recording in Dialpad, so a save with any goes out only once
// the person has confirmed (see ivr_delete_ask.go), all together.
//
// It goes through dialpad's save path: a fresh read and a three-way
// comparison with the state the page was rendered from. Any conflict (a
// type the person changed that someone else changed differently meanwhile)
// sends nothing at all: 409 with the form re-based on the fresh read and a
// panel to decide each conflicting type. Sending the other types alone
// would leave the target half the person's plan and half someone else's.
func (h *Handler) IVRSave(w http.ResponseWriter, r *http.Request) {
	who, t, st, ok := h.ivrSubmission(w, r)
	if !ok {
		return
	}
	f := readIVRForm(r.PostForm, t, st)
	if len(f.FieldErrors) > 0 {
		h.ivrFormAgain(w, r, http.StatusUnprocessableEntity, t, st, f, "")
		return
	}
	h.saveOrAsk(w, r, who, t, st, f, f.Mine)
}

// ivrSubmission reads what every post of the assignments form shares: the
// person, the target from the URL and the sealed state of the page.
func (h *Handler) ivrSubmission(w http.ResponseWriter, r *http.Request) (*Identity, ivrTarget, ivrState, bool) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return nil, ivrTarget{}, ivrState{}, false
	}
	t, ok := h.ivrTargetFromURL(w, r)
	if !ok {
		return nil, t, ivrState{}, false
	}
	if !h.readForm(w, r, maxFormBytes) {
		return nil, t, ivrState{}, false
	}
	var st ivrState
	if !h.openSealed(w, r, ivrSealKind(t), r.PostForm.Get("_base"), t.path(), &st) {
		return nil, t, ivrState{}, false
	}
	t = st.target(t)
	if !who.May(access.EditIVR, t.OfficeID) {
		h.refuseChange(w, r, access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
		return nil, t, ivrState{}, false
	}
	return who, t, st, true
}

// saveIVRs sends send (the selections to save, absent = default) and
// answers: a flash and 303 to the page on success, the form again with
// f (what the person sees) otherwise.
func (h *Handler) saveIVRs(w http.ResponseWriter, r *http.Request, who *Identity, t ivrTarget, st ivrState, f ivrForm, send dialpad.IVRSelections) {
	saved, err := who.Client.SaveCustomIVRs(r.Context(), t.Kind.Type, t.ID, st.base(), send, f.Options)
	h.auditIVRs(r.Context(), who, t, saved, err)
	var choice *dialpad.IVRChoiceError
	switch {
	case errors.As(err, &choice):
		f.FieldErrors[choice.IVRType] = "That recording is no longer available for this type. Pick another, or Dialpad default."
		h.ivrFormAgain(w, r, http.StatusUnprocessableEntity, t, st, f, "")
		return
	case outcomeUnknown(err):
		h.ivrOutcomeUnknown(w, r, who, t, st, f, saved, err)
		return
	case err != nil:
		h.ivrUpstreamFailure(w, r, t, st, f, saved, err)
		return
	case len(saved.Conflicts) > 0:
		h.ivrConflict(w, r, t, st, f, saved)
		return
	}
	sent := make([]string, len(saved.Sent))
	for i, ch := range saved.Sent {
		sent[i] = ch.IVRType
	}
	h.logger().InfoContext(r.Context(), "ivrs: saved", "target_type", t.Kind.Type, "target_id", t.ID, "types", sent)
	if len(saved.Changes) == 0 && len(f.Options) > 0 {
		// Dialpad takes a direction only with an ivr_id to assign or unassign.
		h.FlashWarning(r, "Nothing to save: a call direction applies only together with a new choice of recording.")
	} else {
		h.Flash(r, ivrSavedMessage(saved))
	}
	redirectAfterPost(w, r, t.path())
}

// ivrFormAgain shows the assignments form again with the person's choices.
func (h *Handler) ivrFormAgain(w http.ResponseWriter, r *http.Request, status int, t ivrTarget, st ivrState, f ivrForm, message string) {
	token, err := h.sealIVRState(t, st)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	v := h.ivrPageView(r, t, st, token, f)
	v.Message = message
	h.renderIVRPage(w, r, status, t, v)
}

// ivrUpstreamFailure shows Dialpad's failure in plain words above the form,
// every choice kept, with the status that fits it; Dialpad refusing the
// request (400) is the person's to fix: 422. What went out before the
// failure is named, and saving again sends only the rest (the three-way
// comparison sees those as already done).
func (h *Handler) ivrUpstreamFailure(w http.ResponseWriter, r *http.Request, t ivrTarget, st ivrState, f ivrForm, saved dialpad.SavedIVRs, err error) {
	status, msg, ok := h.formFailure(w, r, err, "ivrs: save failed", "target_type", t.Kind.Type, "target_id", t.ID)
	if !ok {
		return
	}
	if len(saved.Sent) > 0 {
		msg = strings.TrimSuffix(strings.Replace(msg, "nothing was changed", "the rest was not changed", 1), ".") +
			". Already saved: " + ivrChangeList(saved.Current, saved.Sent) + "."
	}
	h.ivrFormAgain(w, r, status, t, st, f, msg)
}

// ivrConflict answers 409: nothing was sent; the form is re-based on the
// fresh read with the person's own changes on top, and a panel shows each
// type both changed.
func (h *Handler) ivrConflict(w http.ResponseWriter, r *http.Request, t ivrTarget, st ivrState, f ivrForm, saved dialpad.SavedIVRs) {
	v, ok := h.ivrRebasedView(w, r, t, st, f, saved.Current)
	if !ok {
		return
	}
	ivrs := ivrsOf(saved.Current)
	v.Conflict = views.ConflictPanel{Kind: t.Kind.Singular}
	types := make([]string, len(saved.Conflicts))
	for i, c := range saved.Conflicts {
		types[i] = c.IVRType
		v.Conflict.Rows = append(v.Conflict.Rows, views.ConflictRow{
			Field:  c.IVRType,
			Label:  dialpad.IVRTypeLabel(c.IVRType),
			Mine:   ivrSelectionWords(ivrs, c.Mine),
			Theirs: ivrSelectionWords(ivrs, c.Theirs),
		})
	}
	h.logger().InfoContext(r.Context(), "ivrs: conflict", "target_type", t.Kind.Type, "target_id", t.ID, "types", types)
	h.renderIVRPage(w, r, http.StatusConflict, t, v)
}

// ivrRebasedView is the IVR page re-based on current (a fresh read), the
// person's own choices on top: after a conflict, or a save Dialpad may have
// applied. false when it answered already (the base could not be sealed).
func (h *Handler) ivrRebasedView(w http.ResponseWriter, r *http.Request, t ivrTarget, st ivrState, f ivrForm,
	current []dialpad.CustomIVRType) (views.IVRPage, bool) {
	fresh := newIVRState(t, current)
	f.Mine = rebaseIVRs(st.base(), fresh.base(), f.Mine)
	token, err := h.sealIVRState(t, fresh)
	if err != nil {
		h.ServerError(w, r, err)
		return views.IVRPage{}, false
	}
	return h.ivrPageView(r, t, fresh, token, f), true
}

// ivrSavedMessage is the flash after a save: each change sent, in words.
func ivrSavedMessage(s dialpad.SavedIVRs) string {
	switch {
	case len(s.Sent) > 0:
		return "Saved. " + ivrChangeList(s.Current, s.Sent) + "."
	case len(s.Changes) > 0:
		return "Dialpad already plays what you chose — nothing was sent."
	}
	return "Nothing to save: no selection was changed."
}

// ivrChangeList words changes: "Hold music: Jazz loop → Ocean waves; ...".
func ivrChangeList(types []dialpad.CustomIVRType, changes []dialpad.IVRChange) string {
	ivrs := ivrsOf(types)
	parts := make([]string, len(changes))
	for i, ch := range changes {
		parts[i] = dialpad.IVRTypeLabel(ch.IVRType) + ": " + ivrSelectionWords(ivrs, ch.From) + " → " + ivrSelectionWords(ivrs, ch.To)
		if ch.SelectOption != "" {
			parts[i] += " (" + ch.SelectOption + " calls)"
		}
	}
	return strings.Join(parts, "; ")
}
