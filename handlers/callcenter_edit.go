package handlers

import (
	"context"
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// CallCenterEdit shows the editor of one call center: its header with
// Dialpad's live status, and the form of its name, ring time and hours.
func (h *Handler) CallCenterEdit(w http.ResponseWriter, r *http.Request) {
	showHoursEditor(h, w, r, callCenterTarget())
}

// callCenterTarget wires the hours editor to Dialpad's call centers.
func callCenterTarget() hoursTarget[dialpad.CallCenter] {
	return hoursTarget[dialpad.CallCenter]{
		kind:      dialpad.TargetCallCenter,
		noun:      "call center",
		path:      "/callcenters",
		listLabel: "All call centers",
		nav:       views.NavCallCenters,
		spec:      dialpad.CallCenterPatchSpec(),
		read: func(ctx context.Context, c *dialpad.Client, id dialpad.ID) (*dialpad.CallCenter, error) {
			return c.CallCenter(ctx, id)
		},
		save: func(ctx context.Context, c *dialpad.Client, id dialpad.ID, base, mine dialpad.CallCenter) (dialpad.Saved[dialpad.CallCenter], error) {
			return c.SaveCallCenter(ctx, id, base, mine)
		},
		status: func(ctx context.Context, c *dialpad.Client, id dialpad.ID) (*dialpad.CallCenterStatus, error) {
			return c.CallCenterStatus(ctx, id)
		},
		get: func(cc dialpad.CallCenter) groupEdit {
			return groupEdit{cc.ID, cc.OfficeID, cc.Name, cc.GroupDescription, cc.Timezone, cc.RingSeconds, cc.WeekHours}
		},
		set: func(cc dialpad.CallCenter, g groupEdit) dialpad.CallCenter {
			cc.Name, cc.GroupDescription, cc.RingSeconds, cc.WeekHours = g.Name, g.Description, g.RingSeconds, g.Week
			return cc
		},
	}
}
