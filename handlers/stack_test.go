package handlers_test

import (
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
	"switchboard/web/webtest"
)

// stack is a console and emulator for one test, with a Dialpad client of
// the test's own, as the company admin, to set things up and read the
// truth behind the pages.
type stack struct {
	*webtest.Stack
	t   *testing.T
	b   *webtest.Browser // signed in by signedIn; nil after newStack
	api *dialpad.Client
}

// newStack starts a console and emulator with nobody signed in. The
// emulator's company rate limit is off: the test's own reads must not eat
// the console's budget, and the console's limiter paces it anyway. opts
// come after that default, so a test may turn the limit back on.
func newStack(t *testing.T, opts ...webtest.Option) *stack {
	t.Helper()
	opts = append([]webtest.Option{webtest.WithEmulator(emulator.Options{CompanyRPS: -1})}, opts...)
	st := webtest.Start(t, opts...)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	api := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts))
	return &stack{Stack: st, t: t, api: api}
}

// signedIn starts a stack and signs user in on its browser b.
func signedIn(t *testing.T, user dialpad.ID, opts ...webtest.Option) *stack {
	t.Helper()
	s := newStack(t, opts...)
	s.b = s.LoginAs(t, user)
	return s
}

// in is the stack for subtest t: its helpers fail t, not the parent.
func (s *stack) in(t *testing.T) *stack {
	c := *s
	c.t = t
	return &c
}

// signedInAsSupport signs Priya in with the support role in company-key
// mode: her own token has no admin rights in Dialpad, so the company key
// makes her calls.
func signedInAsSupport(t *testing.T, opts ...webtest.Option) *stack {
	t.Helper()
	var email string
	for _, p := range emulator.New(emulator.Options{}).Personas() {
		if p.User.ID == emulator.SupportUserID {
			email = p.User.Emails[0]
		}
	}
	g, err := access.NewGrant(email, access.Support, 0)
	if err != nil {
		t.Fatal(err)
	}
	return signedIn(t, emulator.SupportUserID, append([]webtest.Option{webtest.WithCompanyKey(), webtest.WithGrants(g)}, opts...)...)
}

// fault injects an emulator fault for the rest of the test. It hits the
// test's own api client too: read what the test needs first.
func (s *stack) fault(f emulator.Fault) {
	s.t.Cleanup(s.Emulator.InjectFault(f))
}

// assertNoSecrets fails when a token or other secret the console got from
// or sent to Dialpad shows up in body or in the console's log.
func (s *stack) assertNoSecrets(body string) {
	s.t.Helper()
	secrets := s.Secrets()
	if len(secrets) == 0 {
		s.t.Fatal("the console holds no secrets to look for: nobody signed in?")
	}
	logs := s.Logs()
	for _, secret := range secrets {
		if strings.Contains(body, secret) {
			s.t.Error("page contains a Dialpad token or secret")
		}
		if strings.Contains(logs, secret) {
			s.t.Error("log contains a Dialpad token or secret")
		}
	}
}
