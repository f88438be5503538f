package web_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserRouterWait: an admin in Tokyo, on a phone, renames a router.
// The page counts down to the next change Dialpad accepts, at a time
// given in the browser's own zone, with Save disabled; what they type
// meanwhile stays, through an htmx swap too. When the wait ends Save comes
// back by itself and saves what was typed. Without JavaScript the page
// names the time with its zone and Save stays usable: a change sent too
// soon gets the 429 page with what was typed.
func TestBrowserRouterWait(t *testing.T) {
	c := startChrome(t)
	src := axeSource(t)
	for _, tt := range []struct {
		name string
		js   bool
	}{{"JavaScript", true}, {"no JavaScript", false}} {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t)
			cr := routerNamed(t, st, "VIP Customer Router")
			admin := byTestID("consent-user-" + emulator.AdminUserID.String())
			tokyo, err := time.LoadLocation("Asia/Tokyo")
			if err != nil {
				t.Fatal(err)
			}

			tb := c.newTab(t, tt.js)
			if _, err := chromedp.Call(tb.ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Asia/Tokyo"}); err != nil {
				t.Fatalf("setting the browser's time zone: %v", err)
			}
			tb.do(t,
				chromedp.EmulateViewport(390, 800),
				chromedp.Navigate(st.URL+"/routers/"+cr.ID.String()),
				chromedp.WaitVisible(admin),
				chromedp.Click(admin),
				chromedp.Click(byTestID("consent-allow")),
				chromedp.WaitVisible(byTestID("save")),
				chromedp.SetValue(byTestID("input-name"), "VIP Line"),
				chromedp.Click(byTestID("save")),
				chromedp.WaitVisible(byTestID("flash")),
				chromedp.WaitVisible(byTestID("next-change")),
			)
			at, err := time.Parse(time.RFC3339, get(t, tb, chromedp.Evaluate[string](
				`document.querySelector('[data-testid="next-change-time"]').getAttribute('datetime')`)))
			if err != nil {
				t.Fatalf("the wait's <time> has no RFC 3339 datetime: %v", err)
			}
			shown := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("next-change-time"))))
			if tt.js {
				if want := at.In(tokyo).Format("15:04") + " your time (Asia/Tokyo)"; shown != want {
					t.Errorf("the wait ends at %q, want %q (the browser's zone)", shown, want)
				}
				count := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("next-change-countdown"))))
				if !regexp.MustCompile(`^[45]:[0-5][0-9]$`).MatchString(count) {
					t.Errorf("countdown shows %q, want m:ss under five minutes", count)
				}
				if note := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("next-change")))); !strings.Contains(note, "You can change this router again in "+count) {
					t.Errorf("the notice reads %q", note)
				}
			} else if want := regexp.MustCompile(`^\d\d:\d\d E[SD]T$`); !want.MatchString(shown) {
				// Dana's zone in Dialpad is New York's; the page says so.
				t.Errorf("without JavaScript the wait ends at %q, want the time with its zone", shown)
			}
			if disabled := get(t, tb, chromedp.Evaluate[bool](`document.querySelector('[data-testid="save"]').disabled`)); disabled != tt.js {
				t.Errorf("Save disabled %v during the wait, want %v (held by the script; without it a dead button is a dead end)", disabled, tt.js)
			}
			if msg := tb.overflow(t); msg != "" {
				t.Errorf("at 390px: %s", msg)
			}
			if !tt.js {
				tb.noProblems(t)
				return
			}
			for _, v := range tb.axe(t, src) {
				t.Errorf("during the wait: %s", v)
			}

			// Typing during the wait, and an htmx swap of the target field,
			// leave the typing and the wait alone.
			typed := "https://routing.example.com/typed-while-waiting"
			tb.do(t,
				chromedp.SetValue(byTestID("input-routing-url"), typed),
				chromedp.Click(byTestID("choose-target")),
				chromedp.WaitVisible(byTestID("input-default-target")),
			)
			if got := get(t, tb, chromedp.Value(byTestID("input-routing-url"))); got != typed {
				t.Errorf("after the swap the routing URL reads %q, want what was typed", got)
			}
			if !get(t, tb, chromedp.Evaluate[bool](`document.querySelector('[data-testid="save"]').disabled`)) {
				t.Error("the swap enabled Save during the wait")
			}

			// Near the end of the wait (the console's clock moved on), a
			// fresh page: type, and Save comes back by itself, in time.
			st.Clock.Advance(at.Sub(st.Clock.Now()) - 3*time.Second)
			tb.do(t,
				chromedp.Navigate(st.URL+"/routers/"+cr.ID.String()),
				chromedp.WaitVisible(byTestID("next-change-countdown")),
				chromedp.SetValue(byTestID("input-routing-url"), typed),
			)
			get(t, tb, chromedp.Poll[bool](`!document.querySelector('[data-testid="save"]').disabled`, chromedp.WithPollingTimeout(15*time.Second)))
			if got := strings.TrimSpace(get(t, tb, chromedp.Text(byTestID("next-change")))); !strings.Contains(got, "You can change this router again now.") {
				t.Errorf("at the end the notice reads %q", got)
			}
			st.Emulator.ResetRequests()
			tb.do(t,
				chromedp.Click(byTestID("save")),
				chromedp.WaitVisible(byTestID("flash")),
			)
			ws := writes(st)
			if want := `{"routing_url":"` + typed + `"}`; len(ws) != 1 || string(ws[0].Body) != want {
				t.Errorf("Dialpad received %v, want one PATCH %s", ws, want)
			}
			tb.noProblems(t)
		})
	}
}
