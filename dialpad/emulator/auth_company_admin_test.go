package emulator_test

import (
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// The spec says "Requires a company admin API key" on GET /company and on
// changing call centers and departments: an office admin is refused even in
// their own office, a manager everywhere. Routers and custom IVRs keep the
// office rule (company admins, and admins of the resource's office).
func TestCompanyAdminOnlyEndpoints(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	ukSales := f.callCenter("UK Sales")          // London
	finance := f.department("Finance")           // London
	sales := f.callCenter("Sales")               // New York
	overflow := f.router("APAC Overflow Router") // Tokyo
	ukCare := f.callCenter("UK Customer Care")   // London
	ukGreeting := firstIVR(t, f.ivrTypes("callcenter", ukCare.ID), "GREETING")
	edit := map[string]any{"group_description": "edited"}

	const companyOnly, officeRule = "requires a company admin API key", "is not a company admin nor an admin of office"
	type call struct {
		method, path string
		body         any
		refusal      string // what a 403 says
	}
	endpoints := map[string]call{
		"GET /company":                          {"GET", "/api/v2/company", nil, companyOnly},
		"PATCH /callcenters (London)":           {"PATCH", path("/api/v2/callcenters/%s", ukSales.ID), edit, companyOnly},
		"PATCH /callcenters (New York)":         {"PATCH", path("/api/v2/callcenters/%s", sales.ID), edit, companyOnly},
		"PATCH /departments (London)":           {"PATCH", path("/api/v2/departments/%s", finance.ID), edit, companyOnly},
		"PATCH /callrouters (Tokyo)":            {"PATCH", path("/api/v2/callrouters/%s", overflow.ID), map[string]any{"name": "APAC Overflow"}, officeRule},
		"PATCH /customivrs callcenter (London)": {"PATCH", path("/api/v2/customivrs/callcenter/%s/GREETING", ukCare.ID), map[string]any{"ivr_id": ukGreeting}, officeRule},
	}
	tests := []struct {
		endpoint string
		user     dialpad.ID
		want     int
	}{
		{"GET /company", emulator.AdminUserID, 200},
		{"GET /company", emulator.OfficeAdminUserID, 403},
		{"GET /company", emulator.SupportUserID, 403},
		{"GET /company", emulator.ManagerUserID, 403},

		{"PATCH /callcenters (London)", emulator.AdminUserID, 200},
		{"PATCH /callcenters (London)", emulator.OfficeAdminUserID, 403}, // his own office
		{"PATCH /callcenters (London)", emulator.ManagerUserID, 403},
		{"PATCH /callcenters (New York)", emulator.SupportUserID, 403}, // admin of New York
		{"PATCH /callcenters (New York)", emulator.ManagerUserID, 403},

		{"PATCH /departments (London)", emulator.AdminUserID, 200},
		{"PATCH /departments (London)", emulator.OfficeAdminUserID, 403}, // his own office
		{"PATCH /departments (London)", emulator.ManagerUserID, 403},

		// Unchanged: routers and IVRs follow the office.
		{"PATCH /callrouters (Tokyo)", emulator.SupportUserID, 403}, // no admin rights of her own
		{"PATCH /callrouters (Tokyo)", emulator.OfficeAdminUserID, 403},
		{"PATCH /callrouters (Tokyo)", emulator.ManagerUserID, 403},
		{"PATCH /customivrs callcenter (London)", emulator.OfficeAdminUserID, 200},
		{"PATCH /customivrs callcenter (London)", emulator.ManagerUserID, 403},
	}
	for _, tt := range tests {
		t.Run(tt.endpoint+" as "+tt.user.String(), func(t *testing.T) {
			c := endpoints[tt.endpoint]
			f.clock.Advance(6 * time.Minute) // a router accepts one PATCH per 5 minutes
			r := f.do(c.method, c.path, f.emu.IssueToken(tt.user), c.body)
			if r.status != tt.want {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.want, r.body)
			}
			if tt.want == 403 {
				wantError(t, r, 403, c.refusal)
			}
		})
	}
}

// firstIVR is the id of a target's first IVR of a type.
func firstIVR(t *testing.T, types map[string][]dialpad.CustomIVR, typ string) dialpad.ID {
	t.Helper()
	if len(types[typ]) == 0 {
		t.Fatalf("no %s IVR", typ)
	}
	return types[typ][0].ID
}
