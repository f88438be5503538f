package handlers

import (
	"context"
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// DepartmentEdit shows the editor of one department. Dialpad has no live
// status for departments, so whether it is open is computed from its hours.
func (h *Handler) DepartmentEdit(w http.ResponseWriter, r *http.Request) {
	showHoursEditor(h, w, r, departmentTarget())
}

// departmentTarget wires the hours editor to Dialpad's departments.
func departmentTarget() hoursTarget[dialpad.Department] {
	return hoursTarget[dialpad.Department]{
		kind:      dialpad.TargetDepartment,
		noun:      "department",
		path:      "/departments",
		listLabel: "All departments",
		nav:       views.NavDepartments,
		spec:      dialpad.DepartmentPatchSpec(),
		read: func(ctx context.Context, c *dialpad.Client, id dialpad.ID) (*dialpad.Department, error) {
			return c.Department(ctx, id)
		},
		save: func(ctx context.Context, c *dialpad.Client, id dialpad.ID, base, mine dialpad.Department) (dialpad.Saved[dialpad.Department], error) {
			return c.SaveDepartment(ctx, id, base, mine)
		},
		get: func(d dialpad.Department) groupEdit {
			return groupEdit{d.ID, d.OfficeID, d.Name, d.GroupDescription, d.Timezone, d.RingSeconds, d.WeekHours}
		},
		set: func(d dialpad.Department, g groupEdit) dialpad.Department {
			d.Name, d.GroupDescription, d.RingSeconds, d.WeekHours = g.Name, g.Description, g.RingSeconds, g.Week
			return d
		},
	}
}
