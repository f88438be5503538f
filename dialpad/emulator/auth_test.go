package emulator_test

import (
	"net/http"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestAPIRequiresALiveToken(t *testing.T) {
	f := newFixture(t, emulator.Options{TokenTTL: time.Hour})
	expiring := f.emu.IssueToken(emulator.AdminUserID)
	f.clock.Advance(time.Hour)
	fresh := f.emu.IssueToken(emulator.AdminUserID)

	tests := []struct {
		name   string
		header string
		query  string
		want   int
	}{
		{"no token", "", "", 401},
		{"unknown token", "Bearer nope", "", 401},
		{"not bearer", "Basic " + fresh, "", 401},
		{"expired token", "Bearer " + expiring, "", 401},
		{"bearer token", "Bearer " + fresh, "", 200},
		{"apikey parameter", "", "?apikey=" + fresh, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", f.srv.URL+"/api/v2/company"+tt.query, nil)
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			r := f.send(req)
			if r.status != tt.want {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.want, r.body)
			}
			if tt.want == 401 {
				errorMessage(t, r) // a Dialpad error body
			}
		})
	}
}

// Call centers and departments need a company admin: see
// TestCompanyAdminOnlyEndpoints.
func TestRouterWritesNeedAdminRightsOnTheOffice(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")               // New York
	vip := f.router("VIP Customer Router")       // New York
	overflow := f.router("APAC Overflow Router") // Tokyo
	rename := map[string]any{"name": "Renamed router"}

	tests := []struct {
		name   string
		user   dialpad.ID
		method string
		path   string
		body   any
		want   int
	}{
		{"company admin edits routers anywhere", emulator.AdminUserID, "PATCH", path("/api/v2/callrouters/%s", vip.ID), rename, 200},
		{"manager cannot delete routers", emulator.ManagerUserID, "DELETE", path("/api/v2/callrouters/%s", vip.ID), nil, 403},
		{"office admin cannot edit another office's router", emulator.OfficeAdminUserID, "PATCH", path("/api/v2/callrouters/%s", overflow.ID), rename, 403},
		{"support's own token edits no router", emulator.SupportUserID, "PATCH", path("/api/v2/callrouters/%s", overflow.ID), rename, 403},
		{"manager may read", emulator.ManagerUserID, "GET", path("/api/v2/callcenters/%s", sales.ID), nil, 200},
		{"403 comes before body checks", emulator.ManagerUserID, "PATCH", path("/api/v2/callrouters/%s", vip.ID), "not json", 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.do(tt.method, tt.path, f.emu.IssueToken(tt.user), tt.body)
			if r.status != tt.want {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.want, r.body)
			}
			if tt.want == 403 {
				wantError(t, r, 403, "is not a company admin nor an admin of office")
			}
		})
	}
}

func TestUnknownIDsAre404(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	for _, tt := range []struct{ method, path string }{
		{"GET", "/api/v2/users/1234567890123456"},
		{"GET", "/api/v2/offices/1234567890123456"},
		{"GET", "/api/v2/callcenters/1234567890123456"},
		{"PATCH", "/api/v2/callcenters/1234567890123456"},
		{"GET", "/api/v2/callcenters/1234567890123456/status"},
		{"GET", "/api/v2/departments/1234567890123456"},
		{"PATCH", "/api/v2/departments/1234567890123456"},
		{"GET", "/api/v2/callrouters/1234567890123456"},
		{"PATCH", "/api/v2/callrouters/1234567890123456"},
		{"DELETE", "/api/v2/callrouters/1234567890123456"},
		{"GET", "/api/v2/callcenters/not-a-number"},
		{"PATCH", "/api/v2/customivrs/1234567890123456"},
		{"GET", "/api/v2/customivrs?target_type=callcenter&target_id=1234567890123456"},
		{"GET", "/api/v2/no-such-endpoint"},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			wantError(t, f.do(tt.method, tt.path, tok, map[string]any{"name": "x"}), 404, "")
		})
	}
}
