package access_test

import (
	"testing"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

const (
	london dialpad.ID = 101
	tokyo  dialpad.ID = 202
)

// actions lists every action, so the tests walk them all: add a new one here.
func actions() []access.Action {
	return []access.Action{access.View, access.EditHours, access.EditRouter, access.ResetRouter, access.TestRouter,
		access.EditIVR, access.BulkHours, access.CopyIVR, access.ManageAccess, access.ViewAudit}
}

// rightsOf is the rights Resolve gives, in company-key mode, a person who
// holds exactly these grants.
func rightsOf(grants ...access.Grant) access.Rights {
	var person dialpad.User
	for _, g := range grants {
		person.Emails = append(person.Emails, g.Email)
	}
	return access.Resolve(access.CompanyKey, person, grants)
}

// TestCan is the rule table: each role against each action, in the office
// the grant names, in another office, and on a resource of unknown office.
func TestCan(t *testing.T) {
	type want struct{ own, other, unknown bool }
	all := want{true, true, true}
	none := want{}
	ownOffice := want{own: true}

	tests := []struct {
		role  access.Role
		wants map[access.Action]want
	}{
		{access.Admin, map[access.Action]want{
			access.View: all, access.EditHours: all, access.EditRouter: all, access.ResetRouter: all, access.TestRouter: all,
			access.EditIVR: all, access.BulkHours: all, access.CopyIVR: all, access.ManageAccess: all, access.ViewAudit: all,
		}},
		{access.OfficeAdmin, map[access.Action]want{
			access.View: all, access.EditHours: ownOffice, access.EditRouter: ownOffice, access.ResetRouter: ownOffice, access.TestRouter: ownOffice,
			access.EditIVR: ownOffice, access.BulkHours: ownOffice, access.CopyIVR: ownOffice, access.ManageAccess: none, access.ViewAudit: none,
		}},
		{access.Support, map[access.Action]want{
			access.View: all, access.EditHours: none, access.EditRouter: none, access.ResetRouter: all, access.TestRouter: all,
			access.EditIVR: none, access.BulkHours: none, access.CopyIVR: none, access.ManageAccess: none, access.ViewAudit: none,
		}},
		{access.Viewer, map[access.Action]want{
			access.View: all, access.EditHours: none, access.EditRouter: none, access.ResetRouter: none, access.TestRouter: none,
			access.EditIVR: none, access.BulkHours: none, access.CopyIVR: none, access.ManageAccess: none, access.ViewAudit: none,
		}},
		{access.None, map[access.Action]want{}},
	}
	for _, tt := range tests {
		g := access.Grant{Email: "a@example.com", Role: tt.role}
		if tt.role.PerOffice() {
			g.OfficeID = london
		}
		r := rightsOf(g)
		if tt.role == access.None {
			r = access.Rights{}
		}
		for _, a := range actions() {
			w, ok := tt.wants[a]
			if !ok && tt.role != access.None {
				t.Errorf("%s: no expectation for action %s; add it to the table", tt.role, a)
			}
			for _, c := range []struct {
				office dialpad.ID
				want   bool
				where  string
			}{{london, w.own, "own office"}, {tokyo, w.other, "other office"}, {0, w.unknown, "unknown office"}} {
				if got := r.Can(a, c.office); got != c.want {
					t.Errorf("%s may %s in %s = %v, want %v", tt.role.Label(), a, c.where, got, c.want)
				}
			}
		}
	}
}

func TestRightsUnion(t *testing.T) {
	r := rightsOf(
		access.Grant{Email: "p@example.com", Role: access.Support},
		access.Grant{Email: "p@example.com", Role: access.OfficeAdmin, OfficeID: tokyo},
	)
	if !r.Can(access.ResetRouter, london) || !r.Can(access.EditHours, tokyo) || r.Can(access.EditHours, london) {
		t.Error("support plus office admin of Tokyo: want reset anywhere and edit in Tokyo only")
	}
	if got := r.Role(); got != access.OfficeAdmin {
		t.Errorf("Role = %q, want the most powerful, office_admin", got)
	}
	if !r.CanSomewhere(access.BulkHours) || r.CanSomewhere(access.ManageAccess) {
		t.Error("CanSomewhere: want bulk hours (Tokyo) and not manage access")
	}
}

// TestOfficeAdminWithoutOffice: a malformed grant (office admin of no
// office, as a hand-edited database could hold) edits nothing, not even
// resources whose office is unknown.
func TestOfficeAdminWithoutOffice(t *testing.T) {
	r := rightsOf(access.Grant{Email: "o@example.com", Role: access.OfficeAdmin})
	for _, a := range actions() {
		if a != access.View && r.Can(a, 0) {
			t.Errorf("office admin of no office may %s on a resource of unknown office", a)
		}
	}
}
