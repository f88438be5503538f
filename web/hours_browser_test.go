package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserHoursSplitShift adds an evening range to Billing's Monday
// (09:00–17:00) in a real browser, with htmx and with JavaScript off, and
// saves it: the flash names the change, Monday's bar shows two segments,
// and Dialpad received exactly one PATCH carrying Monday alone.
func TestBrowserHoursSplitShift(t *testing.T) {
	c := startChrome(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"htmx", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t)
			cc := callCenterNamed(t, st, "Billing")
			// Monday starts as one range, whatever the seed gives Billing.
			if err := st.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) {
				c.HoursOn, c.MondayHours = true, []string{"09:00", "17:00"}
			}); err != nil {
				t.Fatal(err)
			}
			page := st.URL + "/callcenters/" + cc.ID.String()
			admin := byTestID("consent-user-" + emulator.AdminUserID.String())

			tb := c.newTab(t, tt.js)
			tb.do(t,
				chromedp.Navigate(page),
				chromedp.WaitVisible(admin),
				chromedp.Click(admin),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("hours-form")),
			)
			if n := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="bar-monday_hours"] [data-testid="bar-segment"]').length`)); tt.js && n != 1 {
				t.Fatalf("Monday's bar starts with %d segments, want 1", n)
			}
			st.Emulator.ResetRequests()

			// Add a range: htmx swaps the form in place (the page, and a
			// mark left on it, stay); without JavaScript the button posts
			// the form and the page comes back with it.
			if tt.js {
				get(t, tb, chromedp.Evaluate[bool](`window.stillHere = true`))
			}
			tb.do(t,
				chromedp.Click(byTestID("add-monday_hours")),
				chromedp.WaitVisible(byTestID("open-monday_hours-1")),
			)
			if tt.js && !get(t, tb, chromedp.Evaluate[bool](`window.stillHere === true`)) {
				t.Error("adding a range reloaded the page instead of swapping the form")
			}
			if ws := writes(st); len(ws) > 0 {
				t.Fatalf("adding a range reached Dialpad: %v", ws)
			}
			tb.do(t,
				typeTime(byTestID("open-monday_hours-1"), "18:00"),
				typeTime(byTestID("close-monday_hours-1"), "20:00"),
			)
			if tt.js {
				// The pending changes follow the typing, before any save.
				get(t, tb, chromedp.Poll[bool](`(document.querySelector('[data-testid="pending-changes"]').textContent || '')
					.replace(/\s+/g, ' ').includes('Monday hours: 09:00–17:00 → 09:00–17:00, 18:00–20:00')`))
				segs := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="bar-monday_hours"] [data-testid="bar-segment"]').length`))
				if segs != 2 {
					t.Errorf("before saving, Monday's bar shows %d segments, want 2", segs)
				}
			}

			tb.do(t,
				chromedp.Click(byTestID("save")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			flash := get(t, tb, chromedp.Text(byTestID("flash")))
			if strings.TrimSpace(flash) != "Saved Monday hours." {
				t.Errorf("flash %q, want %q", flash, "Saved Monday hours.")
			}
			if loc := get(t, tb, chromedp.Location()); loc != page {
				t.Errorf("after saving the browser is at %s, want %s", loc, page)
			}
			nodes := get(t, tb, chromedp.Nodes(chromedp.CSSAll(`[data-testid="bar-monday_hours"] [data-testid="bar-segment"]`)))
			if len(nodes) != 2 {
				t.Errorf("after saving, Monday's bar shows %d segments, want 2", len(nodes))
			}
			values := get(t, tb, chromedp.AttributesAll(chromedp.CSSAll(`input[name="monday_hours"]`)))
			var monday []string
			for _, a := range values {
				monday = append(monday, a["value"])
			}
			if want := []string{"09:00", "17:00", "18:00", "20:00"}; !slices.Equal(monday, want) {
				t.Errorf("after saving, Monday's inputs hold %q, want %q", monday, want)
			}

			ws := writes(st)
			if len(ws) != 1 || ws[0].Method != http.MethodPatch || ws[0].Path != "/api/v2/callcenters/"+cc.ID.String() {
				t.Fatalf("want one PATCH of the call center, Dialpad received %v", ws)
			}
			var body map[string][]string
			if err := json.Unmarshal(ws[0].Body, &body); err != nil || len(body) != 1 ||
				!slices.Equal(body["monday_hours"], []string{"09:00", "17:00", "18:00", "20:00"}) {
				t.Errorf("PATCH body %s, want Monday's split shift alone", ws[0].Body)
			}
			tb.noProblems(t)
		})
	}
}

// TestBrowserHoursBulkApply ticks two call centers and a department on the
// review, opens bulk apply, changes Monday and applies: while Dialpad
// answers, the indicator says what is being applied to and about how long
// it takes; then each target has its result row and Dialpad received one
// PATCH per target carrying the new Monday.
func TestBrowserHoursBulkApply(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t)
	targets := []string{
		"callcenter:" + callCenterNamed(t, st, "Sales").ID.String(),
		"callcenter:" + callCenterNamed(t, st, "Billing").ID.String(),
		"department:" + departmentNamed(t, st, "Finance").ID.String(),
	}
	admin := byTestID("consent-user-" + emulator.AdminUserID.String())
	tb := c.newTab(t, true)
	tb.do(t,
		chromedp.Navigate(st.URL+"/hours"),
		chromedp.WaitVisible(admin),
		chromedp.Click(admin),
		chromedp.Click(byTestID("consent-allow")),
		chromedp.WaitVisible(byTestID("bulk-select")),
	)
	for _, target := range targets {
		tb.do(t, chromedp.Click(chromedp.CSS(`[data-testid="select-target"][value="`+target+`"]`)))
	}
	tb.do(t,
		chromedp.Click(byTestID("bulk-open")),
		chromedp.WaitVisible(byTestID("bulk-form")),
		chromedp.SetValue(chromedp.CSS(`[data-testid="day-monday_hours"] .bulk-range:first-child input:first-of-type`), "06:00"),
		chromedp.SetValue(chromedp.CSS(`[data-testid="day-monday_hours"] .bulk-range:first-child input:last-of-type`), "07:00"),
	)
	if n := get(t, tb, chromedp.Evaluate[int](`document.querySelectorAll('[data-testid="bulk-target-box"]:checked').length`)); n != len(targets) {
		t.Fatalf("bulk apply opened with %d targets ticked, want %d", n, len(targets))
	}

	// Dialpad slows down, so the batch is still running while we look.
	st.Emulator.ResetRequests()
	st.Emulator.SetLatency(400 * time.Millisecond)
	tb.do(t, chromedp.Click(byTestID("bulk-apply")))
	want := "Applying to 2 call centers and 1 department: about 1 second at most, as Dialpad takes 20 requests a second."
	shown := get(t, tb, chromedp.Poll[string](`(() => {
		const p = document.getElementById('bulk-progress');
		return p && p.classList.contains('htmx-request') && getComputedStyle(p).display !== 'none'
			? p.querySelector('[data-testid="bulk-progress-text"]').textContent : '';
	})()`))
	if shown != want {
		t.Errorf("while applying the indicator says %q, want %q", shown, want)
	}
	tb.do(t, chromedp.WaitVisible(byTestID("bulk-results")))
	st.Emulator.SetLatency(0)

	outcomes := get(t, tb, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('[data-testid="bulk-result"] [data-testid="bulk-outcome"]'), b => b.textContent.trim())`))
	if len(outcomes) != len(targets) {
		t.Fatalf("%d result rows, want %d: %q", len(outcomes), len(targets), outcomes)
	}
	for _, o := range outcomes {
		if !strings.Contains(o, "Updated") {
			t.Errorf("outcomes %q, want every target updated", outcomes)
			break
		}
	}
	ws := writes(st)
	if len(ws) != len(targets) {
		t.Fatalf("Dialpad received %d writes, want one PATCH per target: %v", len(ws), ws)
	}
	for _, w := range ws {
		var body map[string]any
		if err := json.Unmarshal(w.Body, &body); err != nil || w.Method != http.MethodPatch {
			t.Fatalf("write %s %s %s: %v", w.Method, w.Path, w.Body, err)
		}
		monday, _ := json.Marshal(body["monday_hours"])
		if string(monday) != `["06:00","07:00"]` {
			t.Errorf("PATCH %s sent Monday %s, want 06:00–07:00", w.Path, monday)
		}
	}
	tb.noProblems(t)
}

// typeTime types a time into a time field the way a person does with the
// keyboard: click, select what is there, type, and Tab on (the field's
// change event, which asks htmx for the preview). The fields are text, so
// the keys are the same in every browser locale.
func typeTime(sel chromedp.CSS, typed string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Click(sel),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(typed+kb.Tab),
	)
}

// callCenterNamed reads a seeded call center from the emulator.
func callCenterNamed(t *testing.T, st *webtest.Stack, name string) dialpad.CallCenter {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	ccs, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).CallCenters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range ccs {
		if cc.Name == name {
			return cc
		}
	}
	t.Fatalf("no call center %q in the seed", name)
	return dialpad.CallCenter{}
}

// departmentNamed reads a seeded department from the emulator.
func departmentNamed(t *testing.T, st *webtest.Stack, name string) dialpad.Department {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	ds, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).Departments(context.Background(), dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("no department %q in the seed", name)
	return dialpad.Department{}
}

// writes are the requests that changed something in Dialpad.
func writes(st *webtest.Stack) []emulator.Request {
	var out []emulator.Request
	for _, r := range st.Emulator.Requests() {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}
