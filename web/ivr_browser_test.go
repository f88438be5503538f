package web_test

import (
	"context"
	"slices"
	"strconv"
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

// TestBrowserIVRCopyPicker picks copy targets as a person would, at a
// desktop and a phone width: with JavaScript, types a filter, selects all
// of London that shows from the keyboard and previews; without it, an
// office's "Select all" reloads the form with that office ticked. Every
// target is reachable, each checkbox labelled, and axe-core finds nothing
// serious on the picker or the preview.
func TestBrowserIVRCopyPicker(t *testing.T) {
	c := startChrome(t)
	src := axeSource(t)
	st := webtest.Start(t, webtest.WithConfig(func(c *web.Config) { c.Demo = true }))
	sales := callCenterNamed(t, st, "Sales")
	london := callCenterNamed(t, st, "UK Sales").OfficeID.String()
	page := st.URL + "/ivrs/callcenter/" + sales.ID.String() + "/copy"
	ticked := `Array.from(document.querySelectorAll('[data-testid="ivr-target-group-` + london + `"] input[name="target_id"]:checked'), b => b.closest('li').dataset.ivrName)`
	for _, width := range []int64{1280, 390} {
		t.Run(strconv.FormatInt(width, 10)+"px", func(t *testing.T) {
			tb := c.signedInTab(t, st, emulator.AdminUserID)
			tb.open(t, page, width)
			tb.do(t,
				chromedp.WaitVisible(byTestID("ivr-target-filter")),
				chromedp.SendKeys(byTestID("ivr-target-filter"), "sales"),
			)
			shown := get(t, tb, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-ivr-name]')).filter(li => !li.hidden && li.offsetParent).map(li => li.dataset.ivrName)`))
			hidden := get(t, tb, chromedp.Evaluate[int](`Array.from(document.querySelectorAll('[data-ivr-name]')).filter(li => li.hidden).length`))
			if len(shown) < 2 || hidden == 0 {
				t.Fatalf("filtering by \"sales\" shows %q and hides %d", shown, hidden)
			}
			for _, name := range shown {
				if !strings.Contains(strings.ToLower(name), "sales") {
					t.Errorf("filtering by \"sales\" shows %q", name)
				}
			}
			count := get(t, tb, chromedp.Text(`[data-ivr-filter-count]`))
			if !strings.Contains(count, " of ") {
				t.Errorf("the filter does not say how many show: %q", count)
			}
			// From the keyboard: Enter on London's "Select all".
			tb.do(t,
				chromedp.Focus(byTestID("ivr-select-all-"+london)),
				chromedp.KeyEvent("\r"),
			)
			got := get(t, tb, chromedp.Evaluate[[]string](ticked))
			if len(got) == 0 {
				t.Fatal("Select all in London ticked nothing")
			}
			for _, name := range got {
				if !strings.Contains(strings.ToLower(name), "sales") {
					t.Errorf("Select all ticked %q, which the filter hides", name)
				}
			}
			if loc := get(t, tb, chromedp.Location()); loc != page {
				t.Errorf("Select all with JavaScript left the page for %s", loc)
			}
			unlabelled := get(t, tb, chromedp.Evaluate[int](`Array.from(document.querySelectorAll('input[type=checkbox], input[type=search]')).filter(i => !i.labels || i.labels.length === 0).length`))
			if unlabelled > 0 {
				t.Errorf("%d inputs without a label", unlabelled)
			}
			if width == 390 {
				if msg := tb.overflow(t); msg != "" {
					t.Errorf("picker at 390px: %s", msg)
				}
			}
			for _, v := range tb.axe(t, src) {
				t.Errorf("picker: %s", v)
			}

			tb.do(t,
				chromedp.Click(byTestID("ivr-copy-preview")),
				chromedp.WaitVisible(byTestID("ivr-copy-count")),
			)
			previewed := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="ivr-copy-preview-target"]').length`))
			if previewed != len(got) {
				t.Errorf("the preview shows %d targets, want the %d ticked", previewed, len(got))
			}
			marks := get(t, tb, chromedp.Evaluate[[]string](`Array.from(new Set(Array.from(document.querySelectorAll('[data-testid="ivr-copy-status"]'), b => b.textContent.trim())))`))
			if len(marks) == 0 || slices.Contains(marks, "Will change") {
				t.Errorf("the preview marks %q, want each kind of change in its own words", marks)
			}
			if width == 390 {
				if msg := tb.overflow(t); msg != "" {
					t.Errorf("preview at 390px: %s", msg)
				}
			}
			for _, v := range tb.axe(t, src) {
				t.Errorf("preview: %s", v)
			}
			tb.noProblems(t)
		})
	}

	t.Run("no JavaScript", func(t *testing.T) {
		tb := c.newTab(t, false)
		admin := byTestID("consent-user-" + emulator.AdminUserID.String())
		tb.do(t,
			chromedp.Navigate(page),
			chromedp.WaitVisible(admin),
			chromedp.Click(admin),
			chromedp.Click(byTestID("consent-allow")),
			chromedp.WaitVisible(byTestID("ivr-copy-form")),
		)
		if get(t, tb, chromedp.Evaluate[bool](`document.querySelector('[data-ivr-filter]').hidden`)) != true {
			t.Error("the filter, which needs JavaScript, shows without it")
		}
		tb.do(t,
			chromedp.Click(byTestID("ivr-select-all-"+london)),
			chromedp.WaitVisible(byTestID("ivr-copy-form")),
		)
		loc := get(t, tb, chromedp.Location())
		if !strings.Contains(loc, "_select=all%3A"+london) {
			t.Errorf("Select all without JavaScript went to %s", loc)
		}
		all := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="ivr-target-group-`+london+`"] input[name="target_id"]').length`))
		if got := get(t, tb, chromedp.Evaluate[[]string](ticked)); len(got) != all || all == 0 {
			t.Errorf("Select all without JavaScript ticked %q of %d", got, all)
		}
		tb.noProblems(t)
	})
}
