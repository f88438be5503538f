package web_test

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserUntouchedSaveSendsNothing saves, in a real browser, the forms
// of the seeded resources whose text Dialpad holds untidy (trailing
// spaces, CRLF and tabs in descriptions, non-ASCII names): the browser
// gives the text back its own way (a textarea posts CRLF, an input drops
// line breaks), and still nothing reaches Dialpad.
func TestBrowserUntouchedSaveSendsNothing(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	api := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts))
	ctx := context.Background()
	cc := callCenterNamed(t, st, "Zürich Empfang ")
	deps, err := api.Departments(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	routers, err := api.CallRouters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	ivrs, err := api.CustomIVRs(ctx, dialpad.TargetCallCenter, cc.ID)
	if err != nil {
		t.Fatal(err)
	}
	var dep, router, recording string
	for _, d := range deps {
		if d.Name == "東京サポート" {
			dep = "/departments/" + d.ID.String()
		}
	}
	for _, r := range routers {
		if r.Name == "Kansai Freight Router " {
			router = "/routers/" + r.ID.String()
		}
	}
	for _, ty := range ivrs {
		for _, v := range ty.IVRs {
			recording = "/ivrs/callcenter/" + cc.ID.String() + "/recordings/" + v.ID.String()
		}
	}
	if dep == "" || router == "" || recording == "" {
		t.Fatalf("the seed lacks its untidy department, router or recording: %q %q %q", dep, router, recording)
	}

	tb := c.newTab(t, true)
	admin := byTestID("consent-user-" + emulator.AdminUserID.String())
	tb.do(t,
		chromedp.Navigate(st.URL+"/callcenters/"+cc.ID.String()),
		chromedp.WaitVisible(admin),
		chromedp.Click(admin),
		chromedp.Click(byTestID("consent-allow")),
		chromedp.WaitVisible(byTestID("hours-form")),
	)
	for _, p := range []struct{ path, save string }{
		{"/callcenters/" + cc.ID.String(), "save"},
		{dep, "save"},
		{router, "save"},
		{recording, "ivr-rename-save"},
	} {
		t.Run(p.path, func(t *testing.T) {
			tb.do(t, chromedp.Navigate(st.URL+p.path), chromedp.WaitVisible(byTestID(p.save)))
			st.Emulator.ResetRequests()
			tb.do(t, chromedp.Click(byTestID(p.save)), chromedp.WaitVisible(byTestID("flash")))
			if ws := writes(st); len(ws) > 0 {
				t.Errorf("an untouched save reached Dialpad: %s %s %s", ws[0].Method, ws[0].Path, ws[0].Body)
			}
		})
	}
}
