package handlers

import "net/http"

// CallCenterPreview answers htmx as the person edits a call center: the
// pending changes (field, old, new) against the form's base, and each day's
// bar redrawn out of band. It diffs locally; Dialpad is not asked.
func (h *Handler) CallCenterPreview(w http.ResponseWriter, r *http.Request) {
	previewHoursEditor(h, w, r, callCenterTarget())
}
