package handlers

import (
	"net/http"
	"slices"

	"switchboard/dialpad"
)

// IVRUnassign is a type's "Use Dialpad default" button: it deletes that
// type's custom IVR (DELETE with the selected ivr_id, which deletes the
// recording in Dialpad) once the person has confirmed, and sends nothing
// else, whatever the other selects of the form say. It shares the save
// path, so a type someone else changed meanwhile is a conflict, not a
// blind delete.
func (h *Handler) IVRUnassign(w http.ResponseWriter, r *http.Request) {
	who, t, st, ok := h.ivrSubmission(w, r)
	if !ok {
		return
	}
	ivrType := r.PostForm.Get("ivr_type")
	if !slices.ContainsFunc(st.Types, func(ty dialpad.CustomIVRType) bool { return ty.IVRType == ivrType }) {
		h.RenderError(w, r, http.StatusBadRequest, "Unknown IVR type",
			"This page has no IVR type "+truncateRunes(ivrType, 60)+", so nothing was sent to Dialpad. Open the page again and try once more.")
		return
	}
	// The form keeps showing the person's other choices (cancelling the
	// confirmation brings them back); only this type goes.
	f := readIVRForm(r.PostForm, t, st)
	delete(f.FieldErrors, ivrType)
	// Options of other types do not matter: they go out with a change only.
	send := st.base()
	delete(send, ivrType)
	h.saveOrAsk(w, r, who, t, st, f, send)
}
