package handlers

import (
	"net/http"

	"switchboard/views"
)

// DepartmentList shows departments, filtered by ?office_id= and ?q=.
func (h *Handler) DepartmentList(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	f := parseListFilter(r, true)
	offices, depts, err := listWithOffices(r.Context(), who.Client, &f, who.Client.Departments)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	idx := indexOffices(offices)
	v := views.GroupList{
		Filter: f.bar("/departments", offices, true),
		Rows:   groupRows(departmentGroups(depts), "/departments/", idx, h.now()),
		Empty:  f.empty("/departments", "departments", idx),
	}
	h.Render(w, r, http.StatusOK,
		views.DepartmentListPage(h.layout(r, "Departments", views.NavDepartments), v),
		views.DepartmentResults(v))
}
