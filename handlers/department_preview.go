package handlers

import "net/http"

// DepartmentPreview is CallCenterPreview for departments.
func (h *Handler) DepartmentPreview(w http.ResponseWriter, r *http.Request) {
	previewHoursEditor(h, w, r, departmentTarget())
}
