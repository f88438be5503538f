package handlers_test

import (
	"net/http"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// A sealed copy plan proves Switchboard made it, not that the person
// posting it may send it: a viewer, or an office admin of London posting an
// admin's plan with a Tokyo target, gets 403 and nothing reaches Dialpad, at
// the first post and at every step.
func TestIVRCopyApplyChecksEveryTargetOfThePlan(t *testing.T) {
	tests := []struct {
		name       string
		companyKey bool
		user       dialpad.ID
	}{
		{"viewer, own tokens", false, emulator.ManagerUserID},
		{"viewer, company key", true, emulator.ManagerUserID},
		{"office admin of London, a Tokyo target, company key", true, emulator.OfficeAdminUserID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []webtest.Option
			if tt.companyKey {
				probe := newStack(t)
				opts = append(opts, webtest.WithCompanyKey(),
					webtest.WithGrants(roleGrants(t, probe.Stack, probe.office("London").ID)...))
			}
			s := startIVRs(t, emulator.AdminUserID, opts...)
			sales, japan, uk, _ := copySetup(t, s)
			_, apply := s.preview(sales, japan, uk) // the admin's plan: Japan Sales is in Tokyo

			other := s.LoginAs(t, tt.user)
			s.Emulator.ResetRequests()
			posts := []struct {
				how  string
				send func() *webtest.Response
			}{
				{"without JavaScript", func() *webtest.Response { return other.PostForm(ivrPath(sales)+"/copy/apply", apply) }},
				{"starting the run", func() *webtest.Response {
					return other.HTMX(http.MethodPost, ivrPath(sales)+"/copy/apply", apply)
				}},
				{"one step", func() *webtest.Response {
					return other.HTMX(http.MethodPost, ivrPath(sales)+"/copy/apply", with(apply, "_target", "0"))
				}},
			}
			for _, p := range posts {
				if res := p.send(); res.StatusCode != http.StatusForbidden {
					t.Errorf("%s: status %d, want 403:\n%s", p.how, res.StatusCode, res.Body)
				}
			}
			s.nothingSent()
		})
	}
}
