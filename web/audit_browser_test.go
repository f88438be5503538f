package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserAuditShowsSupportReset: Priya (support) re-enables and resets
// the disabled router, signs out; Dana (company admin) signs in, opens the
// audit trail from the navigation and finds the reset there: who, which
// router, both fields, applied. The demo's company-key mode: Priya holds no
// Dialpad admin rights, the reset goes out with the company key.
func TestBrowserAuditShowsSupportReset(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t, webtest.WithDemoRoles())
	cr := routerNamed(t, st, "Carrier Hotline Router")
	tb := c.newTab(t, false)

	signIn := func(user string) {
		tb.do(t,
			chromedp.Navigate(st.URL+"/"),
			chromedp.WaitVisible(byTestID("consent-user-"+user)),
			chromedp.Click(byTestID("consent-user-"+user)),
			chromedp.Click(byTestID("consent-allow")),
			chromedp.WaitVisible(byTestID("user-name")),
		)
	}
	signIn(emulator.SupportUserID.String())
	priya := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("user-name"))))
	tb.do(t,
		chromedp.Navigate(st.URL+"/routers/"+cr.ID.String()),
		chromedp.Click(byTestID("reset-router")),
		chromedp.WaitVisible(byTestID("flash")),
	)
	if n := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('a[href="/audit"]').length`)); n != 0 {
		t.Error("support is offered the audit trail")
	}
	tb.do(t, chromedp.Click(byTestID("logout")), chromedp.WaitVisible(byTestID("login")))

	signIn(emulator.AdminUserID.String())
	tb.do(t,
		chromedp.Click(`a[href="/audit"]`),
		chromedp.WaitVisible(byTestID("audit-row")),
	)
	row := get(t, tb, chromedp.Text(byTestID("audit-row")))
	for _, want := range []string{priya, cr.Name, "callrouter", "enabled", "reset_error_count", "Applied", "company API key"} {
		if !strings.Contains(row, want) {
			t.Errorf("the newest audit row lacks %q:\n%s", want, row)
		}
	}
	tb.noProblems(t)
}
