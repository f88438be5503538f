package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestBrowserHoursReviewReadable opens /hours on a phone and a desktop:
// the week bars are shown, their day names and hour scale are at least
// 12px, no range wraps inside, nothing scrolls sideways, and axe-core
// (colour contrast included) finds nothing serious.
func TestBrowserHoursReviewReadable(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t)
	tb := c.signedInTab(t, st, emulator.AdminUserID)
	src := axeSource(t)
	for _, width := range []int64{390, 1280} {
		tb.open(t, st.URL+"/hours", width)
		// The smallest rendered size of each kind of label, or 0 when none
		// is on the page (hidden ones do not count).
		for _, sel := range []string{".wb-labels", ".hours-scale span"} {
			px := get(t, tb, chromedp.Evaluate[float64](`(() => {
				const sizes = Array.from(document.querySelectorAll(`+"`"+sel+"`"+`))
					.filter(el => el.getClientRects().length > 0 && el.getBoundingClientRect().width > 0)
					.map(el => parseFloat(getComputedStyle(el).fontSize));
				return sizes.length ? Math.min(...sizes) : 0;
			})()`))
			if px < 12 {
				t.Errorf("at %dpx, %s are %.1fpx (0: not shown), want at least 12px", width, sel, px)
			}
		}
		// A range or a run of days never breaks across lines.
		if broken := get(t, tb, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.hours-words .nowrap, .hours-differs .nowrap, .hours-office-usual .nowrap'))
			.filter(el => el.getClientRects().length > 1).map(el => el.textContent)`)); len(broken) > 0 {
			t.Errorf("at %dpx, ranges wrap inside: %q", width, broken)
		}
		if msg := tb.overflow(t); msg != "" {
			t.Errorf("at %dpx: %s", width, msg)
		}
		for _, v := range tb.axe(t, src) {
			t.Errorf("at %dpx, axe: %s", width, v)
		}
	}
	tb.noProblems(t)
}
