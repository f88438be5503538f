package web_test

import (
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
	"switchboard/web"
)

// The demo's seeded grants give each demo person the role the README's
// journeys rely on, in company-key mode.
func TestDemoGrants(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	grants, err := web.DemoGrants(emu)
	if err != nil {
		t.Fatal(err)
	}
	people := map[dialpad.ID]dialpad.User{}
	for _, p := range emu.Personas() {
		people[p.User.ID] = p.User
	}
	oliver := people[emulator.OfficeAdminUserID]
	london := oliver.AdminOfficeIDs[0]
	tests := []struct {
		user dialpad.ID
		want access.Role
	}{
		{emulator.AdminUserID, access.Admin},
		{emulator.OfficeAdminUserID, access.OfficeAdmin},
		{emulator.SupportUserID, access.Support},
		{emulator.ManagerUserID, access.Viewer},
		{emulator.NewHireUserID, access.None},
	}
	for _, tt := range tests {
		u, ok := people[tt.user]
		if !ok {
			t.Fatalf("user %s is not offered on the consent page", tt.user)
		}
		if got := access.Resolve(access.CompanyKey, u, grants).Role(); got != tt.want {
			t.Errorf("%s: role %q, want %q", u.DisplayName, got, tt.want)
		}
	}
	r := access.Resolve(access.CompanyKey, oliver, grants)
	if !r.Can(access.EditHours, london) || r.CanSomewhere(access.ManageAccess) {
		t.Errorf("Oliver's rights are not London's office admin's: %+v", r.Grants())
	}
}
