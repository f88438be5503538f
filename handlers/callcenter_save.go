package handlers

import "net/http"

// CallCenterSave handles the call center editor's form: an action (add a
// range, a preset...) re-renders it, Save sends one PATCH with only the
// person's changes (see saveHoursEditor).
func (h *Handler) CallCenterSave(w http.ResponseWriter, r *http.Request) {
	saveHoursEditor(h, w, r, callCenterTarget())
}
