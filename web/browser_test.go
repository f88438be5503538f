package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

func TestBrowserLogin(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t)
	want := seededCallCenters(t, st)

	tb := c.newTab(t, true)
	admin := byTestID("consent-user-" + emulator.AdminUserID.String())
	tb.do(t,
		chromedp.Navigate(st.URL+"/callcenters"),
		// Signed out: the console sends the browser to Dialpad's consent page.
		chromedp.WaitVisible(admin),
		chromedp.Click(admin),
		chromedp.Click(byTestID("consent-allow")),
		// Back in the console, on the page first asked for.
		chromedp.WaitVisible(byTestID("callcenter-row")),
	)
	location := get(t, tb, chromedp.Location())
	userName := get(t, tb, chromedp.Text(byTestID("user-name")))
	rows := get(t, tb, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-testid="callcenter-row"]'), r => r.textContent)`))
	if location != st.URL+"/callcenters" {
		t.Errorf("landed on %s, want %s/callcenters", location, st.URL)
	}
	if name := displayName(t, st, emulator.AdminUserID); strings.TrimSpace(userName) != name {
		t.Errorf("top bar shows %q, want %q", userName, name)
	}
	if len(rows) != len(want) {
		t.Errorf("page lists %d call centers, Dialpad has %d", len(rows), len(want))
	}
	all := strings.Join(rows, "\n")
	for _, cc := range want {
		if !strings.Contains(all, cc.Name) {
			t.Errorf("call center %q is not listed", cc.Name)
		}
	}
	tb.noProblems(t)
}

// seededCallCenters reads the call centers straight from the emulator.
func seededCallCenters(t *testing.T, st *webtest.Stack) []dialpad.CallCenter {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	ccs, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).CallCenters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		t.Fatalf("listing call centers from the emulator: %v", err)
	}
	if len(ccs) < 12 {
		t.Fatalf("emulator seeds %d call centers, want at least 12", len(ccs))
	}
	return ccs
}
