package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserHoursTypes24Hour types an evening range into Billing's Monday
// in a browser set to en-US, whose time inputs would show "06:00 PM", at a
// desktop's and a phone's width: one time loosely ("1800"), one as
// Dialpad writes it ("20:30"). The page shows 24-hour times only, with the
// format hint, the preview follows, and Dialpad receives one PATCH with
// Monday as "HH:MM".
func TestBrowserHoursTypes24Hour(t *testing.T) {
	c := startChrome(t)
	for _, width := range []int64{1280, 390} {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			st := webtest.Start(t)
			cc := callCenterNamed(t, st, "Billing")
			if err := st.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) {
				c.HoursOn, c.MondayHours = true, []string{"09:00", "17:00"}
			}); err != nil {
				t.Fatal(err)
			}
			page := st.URL + "/callcenters/" + cc.ID.String()
			admin := byTestID("consent-user-" + emulator.AdminUserID.String())

			tb := c.newTab(t, true)
			if _, err := chromedp.Call(tb.ctx, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "en_US"}); err != nil {
				t.Fatalf("setting the locale: %v", err)
			}
			tb.do(t,
				chromedp.EmulateViewport(width, 800),
				chromedp.Navigate(page),
				chromedp.WaitVisible(admin),
				chromedp.Click(admin),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("hours-form")),
			)
			get(t, tb, chromedp.Poll[bool](`!!document.querySelector('[data-testid="hours-form"]')['htmx-internal-data']`))
			hint := get(t, tb, chromedp.Text(byTestID("time-hint")))
			if !strings.Contains(hint, "24-hour, HH:MM") {
				t.Errorf("format hint %q, want it to say 24-hour, HH:MM", hint)
			}
			st.Emulator.ResetRequests()

			tb.do(t,
				chromedp.Click(byTestID("add-monday_hours")),
				chromedp.WaitVisible(byTestID("open-monday_hours-1")),
				typeTime(byTestID("open-monday_hours-1"), "1800"),
				typeTime(byTestID("close-monday_hours-1"), "20:30"),
			)
			get(t, tb, chromedp.Poll[bool](`(document.querySelector('[data-testid="pending-changes"]').textContent || '')
				.replace(/\s+/g, ' ').includes('Monday hours: 09:00–17:00 → 09:00–17:00, 18:00–20:30')`))
			// Leaving the field writes the loose time the console's way.
			if typed := get(t, tb, chromedp.Value(byTestID("open-monday_hours-1"))); typed != "18:00" {
				t.Errorf("after leaving the field it holds %q, want 18:00", typed)
			}
			if msg := noTwelveHour(t, tb); msg != "" {
				t.Errorf("while editing: %s", msg)
			}
			if msg := tb.overflow(t); msg != "" {
				t.Errorf("while editing: %s", msg)
			}

			tb.do(t,
				chromedp.Click(byTestID("save")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			if flash := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("flash")))); flash != "Saved Monday hours." {
				t.Errorf("flash %q, want %q", flash, "Saved Monday hours.")
			}
			values := get(t, tb, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('input[name="monday_hours"]'), i => i.value)`))
			want := []string{"09:00", "17:00", "18:00", "20:30"}
			if !slices.Equal(values, want) {
				t.Errorf("after saving Monday's inputs hold %q, want %q", values, want)
			}
			if msg := noTwelveHour(t, tb); msg != "" {
				t.Errorf("after saving: %s", msg)
			}

			ws := writes(st)
			if len(ws) != 1 || ws[0].Method != http.MethodPatch || ws[0].Path != "/api/v2/callcenters/"+cc.ID.String() {
				t.Fatalf("want one PATCH of the call center, Dialpad received %v", ws)
			}
			var body map[string][]string
			if err := json.Unmarshal(ws[0].Body, &body); err != nil || len(body) != 1 || !slices.Equal(body["monday_hours"], want) {
				t.Errorf("PATCH body %s, want Monday %q alone", ws[0].Body, want)
			}
			tb.noProblems(t)
		})
	}
}

// noTwelveHour says where the page shows a time the 12-hour way: a
// type="time" input (drawn in the browser's locale), a time field that is
// not a 24-hour text field, or AM/PM in the text or a field's value; ""
// when there is none.
func noTwelveHour(t *testing.T, tb *tab) string {
	t.Helper()
	return get(t, tb, chromedp.Evaluate[string](`(() => {
		const ampm = /\b\d{1,2}(:\d{2})?\s*[AaPp]\.?[Mm]\b/;
		if (document.querySelector('input[type="time"]')) return 'a type="time" input';
		for (const i of document.querySelectorAll('input[name$="_hours"]:not([name^="_"])')) {
			if (i.type !== 'text' || i.inputMode !== 'numeric' || !i.getAttribute('aria-describedby')) return 'time field ' + i.name + ' is ' + i.type + ' without its hint';
			if (ampm.test(i.value) || ampm.test(i.placeholder)) return 'time field ' + i.name + ' holds ' + i.value;
		}
		const m = document.body.innerText.match(ampm);
		return m ? 'the page says ' + m[0] : '';
	})()`))
}
