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

// TestBrowserSupportResetsDisabledRouter: the support agent opens the
// seeded router that disabled itself after 11 routing errors, presses
// "Re-enable and reset errors", and sees it enabled; Dialpad received one
// PATCH with exactly the two fields. With and without JavaScript.
func TestBrowserSupportResetsDisabledRouter(t *testing.T) {
	c := startChrome(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"JavaScript", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t)
			cr := routerNamed(t, st, "Carrier Hotline Router")
			support := byTestID("consent-user-" + emulator.SupportUserID.String())

			tb := c.newTab(t, tt.js)
			tb.do(t,
				chromedp.Navigate(st.URL+"/routers/"+cr.ID.String()),
				chromedp.WaitVisible(support),
				chromedp.Click(support),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("reset-panel")),
			)
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("router-status")))); got != "Disabled" {
				t.Fatalf("router shows %q before the reset, want Disabled", got)
			}
			st.Emulator.ResetRequests()

			tb.do(t,
				chromedp.Click(byTestID("reset-router")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			flash := get(t, tb, chromedp.Text(byTestID("flash")))
			if want := "Carrier Hotline Router is enabled again and its error count is reset."; strings.TrimSpace(flash) != want {
				t.Errorf("flash = %q, want %q", flash, want)
			}
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("router-status")))); got != "Enabled" {
				t.Errorf("router shows %q after the reset, want Enabled", got)
			}
			if n := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="reset-panel"]').length`)); n != 0 {
				t.Error("the reset panel is still on the page")
			}
			ws := writes(st)
			if len(ws) != 1 || ws[0].Path != "/api/v2/callrouters/"+cr.ID.String() || string(ws[0].Body) != `{"enabled":true,"reset_error_count":true}` {
				t.Errorf("Dialpad received %v, want one PATCH with enabled and reset_error_count", ws)
			}
			if n := st.Emulator.RouterErrorCount(cr.ID); n != 0 {
				t.Errorf("error count = %d after the reset, want 0", n)
			}
			tb.noProblems(t)
		})
	}
}

// routerNamed reads a seeded router straight from the emulator.
func routerNamed(t *testing.T, st *webtest.Stack, name string) dialpad.CallRouter {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	rs, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).CallRouters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		t.Fatalf("listing call routers from the emulator: %v", err)
	}
	for _, cr := range rs {
		if cr.Name == name {
			return cr
		}
	}
	t.Fatalf("no call router named %q in the seed", name)
	return dialpad.CallRouter{}
}
