package access_test

import (
	"slices"
	"testing"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

func TestResolve(t *testing.T) {
	companyAdmin := dialpad.User{Emails: []string{"Dana@Example.com"}, IsSuperAdmin: true}
	officeAdmin := dialpad.User{Emails: []string{"oliver@example.com"}, IsAdmin: true, AdminOfficeIDs: []dialpad.ID{london, tokyo}}
	agent := dialpad.User{Emails: []string{"priya@example.com", "p.raman@example.com"}}
	stranger := dialpad.User{Emails: []string{"nobody@example.com"}}

	support := access.Grant{Email: "P.Raman@example.com", Role: access.Support}
	someoneElse := access.Grant{Email: "marcus@example.com", Role: access.Admin}

	tests := []struct {
		name   string
		mode   access.Mode
		user   dialpad.User
		grants []access.Grant
		want   []access.Grant
	}{
		{"own tokens: company admin derived", access.OwnTokens, companyAdmin, nil,
			[]access.Grant{{Email: "dana@example.com", Role: access.Admin}}},
		{"own tokens: office admin derived per office", access.OwnTokens, officeAdmin, nil,
			[]access.Grant{{Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: london}, {Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: tokyo}}},
		{"own tokens: everyone else a viewer", access.OwnTokens, agent, nil,
			[]access.Grant{{Email: "priya@example.com", Role: access.Viewer}}},
		{"own tokens: a grant replaces the derived role", access.OwnTokens, agent, []access.Grant{support},
			[]access.Grant{support}},
		{"own tokens: another person's grant is ignored", access.OwnTokens, stranger, []access.Grant{someoneElse},
			[]access.Grant{{Email: "nobody@example.com", Role: access.Viewer}}},
		{"company key: company admin is admin", access.CompanyKey, companyAdmin, nil,
			[]access.Grant{{Email: "dana@example.com", Role: access.Admin}}},
		{"company key: office admin without grant has nothing", access.CompanyKey, officeAdmin, nil, nil},
		{"company key: no grant, no access", access.CompanyKey, stranger, []access.Grant{someoneElse}, nil},
		{"company key: grant by any of the user's emails, any case", access.CompanyKey, agent, []access.Grant{support, someoneElse},
			[]access.Grant{support}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := access.Resolve(tt.mode, tt.user, tt.grants).Grants()
			if !slices.Equal(got, tt.want) {
				t.Errorf("grants = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestResolveNoRoleSeesNothing: in company-key mode a person without a
// grant may not even view, which is what the 403 page rests on.
func TestResolveNoRoleSeesNothing(t *testing.T) {
	r := access.Resolve(access.CompanyKey, dialpad.User{Emails: []string{"x@example.com"}, AdminOfficeIDs: []dialpad.ID{london}}, nil)
	for _, a := range actions() {
		if r.Can(a, london) {
			t.Errorf("a person without a grant may %s", a)
		}
	}
	if r.Role() != access.None {
		t.Errorf("Role = %q, want none", r.Role())
	}
}
