package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// TestBrowserIVRHoldMusic changes the hold music of a call center in a real
// browser, with and without JavaScript, and saves: the flash names the
// change, the page shows the new selection playing, and Dialpad received
// exactly one PATCH with that ivr_id.
func TestBrowserIVRHoldMusic(t *testing.T) {
	c := startChrome(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"JavaScript", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			// Demo mode: the page carries players for the recordings.
			st := webtest.Start(t, webtest.WithConfig(func(c *web.Config) { c.Demo = true }))
			cc := callCenterNamed(t, st, "Japan Support")
			koto := ivrNamed(t, st, cc.ID, "Koto hold music")
			page := st.URL + "/ivrs/callcenter/" + cc.ID.String()
			admin := byTestID("consent-user-" + emulator.AdminUserID.String())

			tb := c.newTab(t, tt.js)
			tb.do(t,
				chromedp.Navigate(page),
				chromedp.WaitVisible(admin),
				chromedp.Click(admin),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("ivr-form")),
			)
			current := get(t, tb, chromedp.Text(byTestID("ivr-row-HOLD_MUSIC")))
			if !strings.Contains(current, "Dialpad default") {
				t.Fatalf("hold music row starts as %q, want Dialpad default", current)
			}
			st.Emulator.ResetRequests()

			tb.do(t,
				chromedp.SetValue(byTestID("ivr-select-HOLD_MUSIC"), koto.ID.String()),
				chromedp.Click(byTestID("ivr-save")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			flash := get(t, tb, chromedp.Text(byTestID("flash")))
			if want := "Saved. Hold music: Dialpad default → Koto hold music."; strings.TrimSpace(flash) != want {
				t.Errorf("flash %q, want %q", flash, want)
			}
			if loc := get(t, tb, chromedp.Location()); loc != page {
				t.Errorf("after saving the browser is at %s, want %s", loc, page)
			}
			selected := get(t, tb, chromedp.Value(byTestID("ivr-select-HOLD_MUSIC")))
			if selected != koto.ID.String() {
				t.Errorf("after saving the select holds %q, want %s", selected, koto.ID)
			}
			playing := get(t, tb, chromedp.Text(`[data-testid="ivr-row-HOLD_MUSIC"] [data-testid="ivr-current"]`))
			if !strings.Contains(playing, "Koto hold music") || strings.Contains(playing, "Dialpad default") {
				t.Errorf("after saving the row plays %q, want Koto hold music", playing)
			}
			players := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="ivr-row-HOLD_MUSIC"] [data-testid="ivr-current"] audio[src^="/ivrs/audio/"]').length`))
			if tt.js && players != 1 {
				t.Errorf("%d players for the hold music in use, want 1", players)
			}

			ws := writes(st)
			want := "/api/v2/customivrs/callcenter/" + cc.ID.String() + "/HOLD_MUSIC"
			if len(ws) != 1 || ws[0].Method != "PATCH" || ws[0].Path != want ||
				strings.TrimSpace(string(ws[0].Body)) != `{"ivr_id":`+koto.ID.String()+`}` {
				t.Errorf("want one PATCH %s with the new ivr_id, Dialpad received %v", want, ws)
			}
			tb.noProblems(t)
		})
	}
}

// ivrNamed finds a call center's custom IVR in the emulator.
func ivrNamed(t *testing.T, st *webtest.Stack, center dialpad.ID, name string) dialpad.CustomIVR {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	types, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).CustomIVRs(context.Background(), dialpad.TargetCallCenter, center)
	if err != nil {
		t.Fatal(err)
	}
	for _, ty := range types {
		for _, v := range ty.IVRs {
			if v.Name == name {
				return v
			}
		}
	}
	t.Fatalf("no IVR %q", name)
	return dialpad.CustomIVR{}
}
