package handlers

import "net/http"

// DepartmentSave handles the department editor's form, as CallCenterSave
// does for call centers.
func (h *Handler) DepartmentSave(w http.ResponseWriter, r *http.Request) {
	saveHoursEditor(h, w, r, departmentTarget())
}
