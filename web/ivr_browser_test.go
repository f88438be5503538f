package web_test

import (
	"context"
	"slices"
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
			if tt.js {
				players := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="ivr-row-HOLD_MUSIC"] [data-testid="ivr-current"] audio[src^="/ivrs/audio/"]').length`))
				if players != 1 {
					t.Fatalf("%d players for the hold music in use, want 1", players)
				}
				// The player really loads the recording: Chromium decodes the
				// emulator's MP3 through the console's relay (about a second
				// of silence).
				loaded := get(t, tb, chromedp.Poll[string](`(() => {
					const a = document.querySelector('[data-testid="ivr-row-HOLD_MUSIC"] [data-testid="ivr-current"] audio');
					if (!a.dataset.asked) { a.dataset.asked = '1'; a.preload = 'auto'; a.load(); }
					if (a.error) return 'error ' + a.error.code;
					return a.readyState >= 1 && a.duration > 0 ? 'duration ' + a.duration.toFixed(2) : '';
				})()`))
				if loaded != "duration 1.01" {
					t.Errorf("the hold music player: %s, want the one-second recording loaded", loaded)
				}
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

// TestBrowserIVRCopy copies Sales' assignments to two call centers in a
// real browser: pick them, preview, apply. With JavaScript the targets are
// applied one request each, the progress replaced by the summary; without,
// one post applies both. Either way Dialpad receives exactly the changes
// the preview listed: assignments only. Billing's menu, where Sales plays
// Dialpad's default, is left alone, since going back to the default would
// delete Billing's recording.
func TestBrowserIVRCopy(t *testing.T) {
	c := startChrome(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"JavaScript", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t, webtest.WithConfig(func(c *web.Config) { c.Demo = true }))
			sales := callCenterNamed(t, st, "Sales")
			billing := callCenterNamed(t, st, "Billing")
			returns := callCenterNamed(t, st, "Returns")
			base := "/api/v2/customivrs/callcenter/"
			want := []string{
				"PATCH " + base + billing.ID.String() + `/HOLD_MUSIC {"ivr_id":` + ivrNamed(t, st, billing.ID, "Smooth jazz loop").ID.String() + `}`,
				"PATCH " + base + returns.ID.String() + `/GREETING {"ivr_id":` + ivrNamed(t, st, returns.ID, "Spring promotion greeting").ID.String() + `}`,
				"PATCH " + base + returns.ID.String() + `/HOLD_MUSIC {"ivr_id":` + ivrNamed(t, st, returns.ID, "Smooth jazz loop").ID.String() + `}`,
			}
			page := st.URL + "/ivrs/callcenter/" + sales.ID.String() + "/copy"
			admin := byTestID("consent-user-" + emulator.AdminUserID.String())

			tb := c.newTab(t, tt.js)
			tb.do(t,
				chromedp.Navigate(page),
				chromedp.WaitVisible(admin),
				chromedp.Click(admin),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("ivr-copy-form")),
				chromedp.Click(byTestID("ivr-copy-target-"+billing.ID.String())),
				chromedp.Click(byTestID("ivr-copy-target-"+returns.ID.String())),
				chromedp.Click(byTestID("ivr-copy-preview")),
				chromedp.WaitVisible(byTestID("ivr-copy-count")),
			)
			count := get(t, tb, chromedp.Text(byTestID("ivr-copy-count")))
			if want := "3 changes to send to 2 call centers, one request each."; strings.TrimSpace(count) != want {
				t.Errorf("preview says %q, want %q", count, want)
			}
			st.Emulator.ResetRequests()
			tb.do(t,
				chromedp.Click(byTestID("ivr-copy-apply")),
				chromedp.WaitVisible(byTestID("ivr-copy-summary")),
			)
			summary := get(t, tb, chromedp.Text(byTestID("ivr-copy-summary")))
			if want := "Copy finished: 3 done."; strings.TrimSpace(summary) != want {
				t.Errorf("summary %q, want %q", summary, want)
			}
			done := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="ivr-copy-result-target"] .is-done').length`))
			if done != 3 {
				t.Errorf("%d items marked done, want 3", done)
			}
			if tt.js {
				// htmx applied it in place, one target per request.
				if loc := get(t, tb, chromedp.Location()); loc != page {
					t.Errorf("after applying the browser is at %s, want %s", loc, page)
				}
			}
			var got []string
			for _, w := range writes(st) {
				got = append(got, w.Method+" "+w.Path+" "+strings.TrimSpace(string(w.Body)))
			}
			if !slices.Equal(got, want) {
				t.Errorf("Dialpad received\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			tb.noProblems(t)
		})
	}
}
