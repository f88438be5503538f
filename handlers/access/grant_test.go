package access_test

import (
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

func TestParseRole(t *testing.T) {
	for in, want := range map[string]access.Role{
		"admin": access.Admin, " Office admin ": access.OfficeAdmin, "office-admin": access.OfficeAdmin,
		"office_admin": access.OfficeAdmin, "SUPPORT": access.Support, "viewer": access.Viewer,
	} {
		if got, err := access.ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "none", "root", "admins"} {
		if _, err := access.ParseRole(in); err == nil {
			t.Errorf("ParseRole(%q) accepted it", in)
		}
	}
}

func TestNewGrant(t *testing.T) {
	tests := []struct {
		email   string
		role    access.Role
		office  dialpad.ID
		want    access.Grant
		problem string // substring of the error, "" for none
	}{
		{" Priya@Example.COM ", access.Support, 0, access.Grant{Email: "priya@example.com", Role: access.Support}, ""},
		{"oliver@example.com", access.OfficeAdmin, london, access.Grant{Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: london}, ""},
		{"oliver@example.com", access.OfficeAdmin, 0, access.Grant{}, "needs an office"},
		{"dana@example.com", access.Admin, london, access.Grant{}, "leave the office out"},
		{"Dana <dana@example.com>", access.Admin, 0, access.Grant{}, "not an email address"},
		{"nobody", access.Viewer, 0, access.Grant{}, "not an email address"},
		{"x@example.com", access.None, 0, access.Grant{}, "choose a role"},
	}
	for _, tt := range tests {
		g, err := access.NewGrant(tt.email, tt.role, tt.office)
		switch {
		case tt.problem == "" && (err != nil || g != tt.want):
			t.Errorf("NewGrant(%q, %q, %d) = %+v, %v; want %+v", tt.email, tt.role, tt.office, g, err, tt.want)
		case tt.problem != "" && (err == nil || !strings.Contains(err.Error(), tt.problem)):
			t.Errorf("NewGrant(%q, %q, %d) error = %v, want one saying %q", tt.email, tt.role, tt.office, err, tt.problem)
		}
	}
}
