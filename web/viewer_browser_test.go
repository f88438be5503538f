package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserViewerSeesNoSaveButtons: Marcus, a viewer, opens a call
// center's hours, the disabled router and a call center's custom IVRs. He
// reads them all, and is offered nothing he may not do: no save button,
// no reset, no copy flow, no upload, no "next change" notice.
func TestBrowserViewerSeesNoSaveButtons(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t, webtest.WithDemoRoles())
	cr := routerNamed(t, st, "Carrier Hotline Router")
	sales := callCenterID(t, st, cr.DefaultTargetType, cr.DefaultTargetID)
	marcus := byTestID("consent-user-" + emulator.ManagerUserID.String())

	tb := c.newTab(t, true)
	tb.do(t,
		chromedp.Navigate(st.URL+"/"),
		chromedp.WaitVisible(marcus),
		chromedp.Click(marcus),
		chromedp.Click(byTestID("consent-allow")),
		chromedp.WaitVisible(byTestID("user-role")),
	)
	pages := []struct {
		name, path, shown string
	}{
		{"hours editor", "/callcenters/" + sales.String(), "hours-form"},
		{"router", "/routers/" + cr.ID.String(), "router-form"},
		{"custom IVRs", "/ivrs/callcenter/" + sales.String(), "ivr-form"},
	}
	offers := []string{"save", "ivr-save", "reset-router", "next-change", "reset-wait", "ivr-copy-link",
		"ivr-upload-link", "assign-number", "delete-link", "tester-form"}
	for _, p := range pages {
		tb.do(t, chromedp.Navigate(st.URL+p.path), chromedp.WaitVisible(byTestID(p.shown)))
		for _, id := range offers {
			n := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="`+id+`"]').length`))
			if n != 0 {
				t.Errorf("%s: a viewer is offered %q", p.name, id)
			}
		}
		if n := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="read-only-note"]').length`)); n == 0 {
			t.Errorf("%s: no read-only note says why", p.name)
		}
	}
	tb.noProblems(t)
}

// callCenterID is the router's default target when it is a call center,
// else the first call center.
func callCenterID(t *testing.T, st *webtest.Stack, targetType string, id dialpad.ID) dialpad.ID {
	t.Helper()
	if targetType == dialpad.TargetCallCenter {
		return id
	}
	t.Fatalf("the seeded router's default target is a %s, not a call center", targetType)
	return 0
}
