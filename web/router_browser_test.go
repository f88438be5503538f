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

// TestBrowserSupportResetsDisabledRouter: the support agent signs in on the
// overview, which calls out the seeded router that disabled itself after 11
// routing errors; follows it, presses "Re-enable and reset errors", and
// sees it enabled and when the next change is possible. Dialpad received
// one PATCH with exactly the two fields. With and without JavaScript.
func TestBrowserSupportResetsDisabledRouter(t *testing.T) {
	c := startChrome(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"JavaScript", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			// Priya has no admin rights in Dialpad: the company key resets
			// the router, her support role allows it.
			st := webtest.Start(t, webtest.WithDemoRoles())
			cr := routerNamed(t, st, "Carrier Hotline Router")
			support := byTestID("consent-user-" + emulator.SupportUserID.String())

			tb := c.newTab(t, tt.js)
			tb.do(t,
				chromedp.Navigate(st.URL+"/"),
				chromedp.WaitVisible(support),
				chromedp.Click(support),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("disabled-routers")),
			)
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("disabled-routers-title")))); got != "1 call router is disabled" {
				t.Errorf("overview callout says %q", got)
			}
			tb.do(t,
				chromedp.Click(byTestID("disabled-router-link")),
				chromedp.WaitVisible(byTestID("reset-panel")),
			)
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("router-name")))); got != cr.Name {
				t.Fatalf("the callout led to %q, want %q", got, cr.Name)
			}
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("router-status")))); got != "Disabled" {
				t.Fatalf("router shows %q before the reset, want Disabled", got)
			}
			st.Emulator.ResetRequests()

			tb.do(t,
				chromedp.Click(byTestID("reset-router")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			flash := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("flash"))))
			if want := "Carrier Hotline Router is enabled again and its error count is reset. Next change possible at "; !strings.HasPrefix(flash, want) {
				t.Errorf("flash = %q, want %q and the time", flash, want)
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

// TestBrowserRouterTargetChooser: the router page names its default
// target; "Choose another…" brings the select (htmx swaps it in; without
// JavaScript the page reloads with it), and saving a department sends
// exactly the two target fields.
func TestBrowserRouterTargetChooser(t *testing.T) {
	c := startChrome(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"JavaScript", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t)
			cr := routerNamed(t, st, "VIP Customer Router")
			dept := departmentNamed(t, st, "Warehouse Operations")
			admin := byTestID("consent-user-" + emulator.AdminUserID.String())

			tb := c.newTab(t, tt.js)
			tb.do(t,
				chromedp.Navigate(st.URL+"/routers/"+cr.ID.String()),
				chromedp.WaitVisible(admin),
				chromedp.Click(admin),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("choose-target")),
			)
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("default-target-name")))); got != "Sales (call center)" {
				t.Errorf("default target shows as %q", got)
			}
			if tt.js {
				// htmx has taken the link over (it marks what it processed),
				// and a mark on the page shows whether the page stays.
				get(t, tb, chromedp.Poll[bool](`!!document.querySelector('[data-testid="choose-target"]')['htmx-internal-data']`))
				get(t, tb, chromedp.Evaluate[bool](`window.stillHere = true`))
			}
			tb.do(t,
				chromedp.Click(byTestID("choose-target")),
				chromedp.WaitVisible(byTestID("input-default-target")),
			)
			// htmx swaps the field in place; without it the page reloads.
			if tt.js && !get(t, tb, chromedp.Evaluate[bool](`window.stillHere === true && location.search === ''`)) {
				t.Error("choosing reloaded the page instead of swapping the field")
			}
			if !tt.js && get(t, tb, chromedp.Evaluate[string](`location.search`)) != "?choose=target" {
				t.Error("without JavaScript, choosing did not reload the page with the select")
			}
			st.Emulator.ResetRequests()
			tb.do(t,
				chromedp.SetValue(byTestID("input-default-target"), "department:"+dept.ID.String()),
				chromedp.Click(byTestID("save")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("router-default-target")))); got != "Warehouse Operations (department)" {
				t.Errorf("after the save the router's target shows as %q", got)
			}
			ws := writes(st)
			patch := `{"default_target_id":` + dept.ID.String() + `,"default_target_type":"department"}`
			if len(ws) != 1 || ws[0].Path != "/api/v2/callrouters/"+cr.ID.String() || string(ws[0].Body) != patch {
				t.Errorf("Dialpad received %v, want one PATCH %s", ws, patch)
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
