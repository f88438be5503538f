package handlers

import (
	"net/http"

	"switchboard/views"
)

// previewHoursEditor answers htmx as the person edits: the pending changes
// (field, old, new) against the form's base, and each day's bar redrawn out
// of band. It diffs locally; Dialpad is not asked.
func previewHoursEditor[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T]) {
	if _, ok := h.signedIn(w, r); !ok {
		return
	}
	id, ok := h.editorID(w, r)
	if !ok {
		return
	}
	p, ok := readHoursSubmission(h, w, r, t, id)
	if !ok {
		return
	}
	v, err := t.view(IdentityFrom(r.Context()), p, h.now())
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	h.Render(w, r, http.StatusOK, views.HoursPreview(v), nil)
}
