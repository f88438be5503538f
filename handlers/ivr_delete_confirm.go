package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

// IVRDeleteConfirm answers the confirmation of a save that deletes
// recordings: "Delete and save" sends the sealed plan through the save path
// (its three-way comparison makes sure only the recordings named on the
// confirmation can be deleted: a type someone changed meanwhile is a
// conflict); "Cancel" sends nothing and shows the form again with the
// person's selections.
func (h *Handler) IVRDeleteConfirm(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	t, ok := h.ivrTargetFromURL(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxFormBytes) {
		return
	}
	var p ivrDeletePlan
	if !h.openSealed(w, r, ivrDeleteSealKind(t), r.PostForm.Get("_plan"), t.path(), &p) {
		return
	}
	t = p.State.target(t)
	if !who.May(access.EditIVR, t.OfficeID) {
		h.refuseChange(w, r, access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
		return
	}
	f := ivrForm{Mine: p.Shown, Options: p.Options, FieldErrors: map[string]string{}, Choices: map[string]string{}}
	if f.Mine == nil {
		f.Mine = dialpad.IVRSelections{}
	}
	if r.PostForm.Get("_cancel") != "" {
		h.ivrFormAgain(w, r, http.StatusOK, t, p.State, f, "")
		return
	}
	h.saveIVRs(w, r, who, t, p.State, f, p.Send)
}
