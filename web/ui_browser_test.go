package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// uiPage is one page a person opens in daily use.
type uiPage struct {
	name string
	path string
}

// mainPages are the pages every layout and accessibility check visits: the
// lists, each editor, the router forms, the IVR pages and an error page.
func mainPages(t *testing.T, st *webtest.Stack) []uiPage {
	t.Helper()
	cc := callCenterNamed(t, st, "Japan Support")
	dept := departmentNamed(t, st, "Warehouse Operations")
	cr := routerNamed(t, st, "VIP Customer Router")
	ivr := ivrNamed(t, st, cc.ID, "Koto hold music")
	ivrs := "/ivrs/callcenter/" + cc.ID.String()
	return []uiPage{
		{"overview", "/"},
		{"call centers", "/callcenters"},
		{"departments", "/departments"},
		{"routers", "/routers"},
		{"router", "/routers/" + cr.ID.String()},
		{"router target chooser", "/routers/" + cr.ID.String() + "?choose=target"},
		{"new router", "/routers/new"},
		{"call center editor", "/callcenters/" + cc.ID.String()},
		{"department editor", "/departments/" + dept.ID.String()},
		{"hours review", "/hours"},
		{"bulk hours", "/hours/bulk"},
		{"bulk hours ticked", "/hours/bulk?target=callcenter:" + cc.ID.String() + "&target=department:" + dept.ID.String()},
		{"IVRs", ivrs},
		{"IVR upload", ivrs + "/upload"},
		{"IVR rename", ivrs + "/recordings/" + ivr.ID.String()},
		{"IVR copy", ivrs + "/copy"},
		{"IVR upload to several", ivrs + "/copy/upload"},
		{"not found", "/no-such-page"},
	}
}

// pagesTimeout bounds a tab that visits every main page, side by side with
// others on a busy machine.
const pagesTimeout = 4 * time.Minute

// pageNamed is the path of the main page called name.
func pageNamed(t *testing.T, pages []uiPage, name string) string {
	t.Helper()
	for _, p := range pages {
		if p.name == name {
			return p.path
		}
	}
	t.Fatalf("no main page called %q", name)
	return ""
}

// signedInTab is a tab carrying the session of a person signed in through
// the real flow (by the HTTP test browser, whose cookie it takes over).
func (c *chrome) signedInTab(t *testing.T, st *webtest.Stack, userID dialpad.ID) *tab {
	t.Helper()
	tb := c.newTabWithin(t, true, pagesTimeout)
	for _, ck := range st.LoginAs(t, userID).Cookies() {
		if _, err := chromedp.Call(tb.ctx, network.SetCookie, network.SetCookieParams{Name: ck.Name, Value: ck.Value, URL: st.URL}); err != nil {
			t.Fatalf("handing the session cookie to the browser: %v", err)
		}
	}
	return tb
}

// open shows path in a window width pixels wide, waiting for the page and
// its scripts.
func (tb *tab) open(t *testing.T, url string, width int64) {
	t.Helper()
	tb.do(t,
		chromedp.EmulateViewport(width, 800),
		chromedp.Navigate(url),
		chromedp.WaitReady("body"),
	)
}

// overflow names the elements wider than the window, or "" when the page
// fits without sideways scrolling.
func (tb *tab) overflow(t *testing.T) string {
	t.Helper()
	return get(t, tb, chromedp.Evaluate[string](`(() => {
		const w = window.innerWidth;
		// A table scrolled sideways inside its box hides columns just the same.
		for (const tbl of document.querySelectorAll('table')) {
			const r = tbl.getBoundingClientRect();
			if (r.width > 0 && r.right > w + 1) return 'a table is ' + Math.round(r.width) + 'px wide in a ' + w + 'px window: ' + (tbl.className || 'table');
		}
		if (document.scrollingElement.scrollWidth <= w) return "";
		const wide = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.right > w + 1 && r.width > 0) {
				const id = el.getAttribute('data-testid') || el.id || el.className || '';
				wide.push(el.tagName.toLowerCase() + (id ? '[' + id + ']' : '') + ' ends at ' + Math.round(r.right));
			}
			if (wide.length >= 6) break;
		}
		return 'page is ' + document.scrollingElement.scrollWidth + 'px wide in a ' + w + 'px window: ' + wide.join('; ');
	})()`))
}

// axeSource is axe-core's script from node_modules (make assets installs it).
func axeSource(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (run make assets): %v", err)
	}
	return string(b)
}

// axeViolation is the part of axe-core's report a reader needs.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// axe runs axe-core on the open page and returns its serious and critical
// violations, one readable line each.
func (tb *tab) axe(t *testing.T, src string) []string {
	t.Helper()
	get(t, tb, chromedp.Evaluate[bool](src+";true"))
	raw := get(t, tb, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(
		r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' '))}))))`,
		chromedp.EvalAwaitPromise))
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		t.Fatalf("reading axe's report: %v", err)
	}
	var out []string
	for _, v := range vs {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, fmt.Sprintf("%s (%s): %s — at %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", ")))
		}
	}
	return out
}

// TestBrowserDailyUse shares one Chromium between the phone-width, sticky
// save bar and accessibility checks, so make test stays quick.
func TestBrowserDailyUse(t *testing.T) {
	c := startChrome(t)
	st := webtest.Start(t)
	pages := mainPages(t, st)
	// A long name, ticked in the bulk form: its checkbox must keep its size.
	long := departmentNamed(t, st, "Reception")
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	if _, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).UpdateDepartment(context.Background(), long.ID,
		map[string]string{"name": "Reception-and-after-hours-overflow-for-the-New-York-headquarters"}); err != nil {
		t.Fatalf("renaming a department: %v", err)
	}
	pages = append(pages, uiPage{"bulk hours, a long name", "/hours/bulk?target=department:" + long.ID.String()})

	t.Run("pages fit a phone", func(t *testing.T) {
		tb := c.signedInTab(t, st, emulator.AdminUserID)
		for _, width := range []int64{390, 360} {
			for _, p := range pages {
				tb.open(t, st.URL+p.path, width)
				if msg := tb.overflow(t); msg != "" {
					t.Errorf("%s at %dpx: %s", p.name, width, msg)
				}
				// Checkboxes beside long labels keep their size.
				if squashed := get(t, tb, chromedp.Evaluate[int](`Array.from(document.querySelectorAll('input[type=checkbox]'))
					.filter(b => { const r = b.getBoundingClientRect(); return r.width > 0 && r.width < 12; }).length`)); squashed > 0 {
					t.Errorf("%s at %dpx: %d squashed checkboxes", p.name, width, squashed)
				}
			}
		}
		tb.noProblems(t)
		// Signed out: the signed-out page, and Dialpad's consent page that
		// signing in leads to.
		out := c.newTab(t, true)
		for _, path := range []string{"/signed-out", "/callcenters"} {
			out.open(t, st.URL+path, 360)
			if msg := out.overflow(t); msg != "" {
				t.Errorf("signed out, %s at 360px: %s", path, msg)
			}
		}
	})

	t.Run("editor keeps save and pending count in reach", func(t *testing.T) {
		tb := c.signedInTab(t, st, emulator.AdminUserID)
		tb.open(t, st.URL+pageNamed(t, pages, "call center editor"), 390)
		for _, where := range []struct{ name, js string }{
			{"top", `window.scrollTo(0, 0)`},
			{"middle", `window.scrollTo(0, document.scrollingElement.scrollHeight / 2 - innerHeight / 2)`},
			{"bottom", `window.scrollTo(0, document.scrollingElement.scrollHeight)`},
		} {
			for _, id := range []string{"save", "pending-count"} {
				seen := get(t, tb, chromedp.Evaluate[bool](where.js+`; (() => {
					const el = document.querySelector('[data-testid="`+id+`"]:not([aria-hidden])');
					if (!el) return false;
					const r = el.getBoundingClientRect();
					if (r.width === 0 || r.top < 0 || r.bottom > innerHeight) return false;
					const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
					return el === hit || el.contains(hit);
				})()`))
				if !seen {
					t.Errorf("scrolled to the %s of the editor at 390px, %q is not on screen", where.name, id)
				}
			}
		}
		// The count follows the edits (htmx's live preview swaps it).
		get(t, tb, chromedp.Poll[bool](`!!document.querySelector('[data-testid="hours-form"]')['htmx-internal-data']`))
		get(t, tb, chromedp.Evaluate[bool](`(() => {
			const name = document.querySelector('[data-testid="input-name"]');
			name.value = 'Japan Support (renamed)';
			name.dispatchEvent(new Event('change', {bubbles: true}));
			return true;
		})()`))
		get(t, tb, chromedp.Poll[bool](`document.querySelector('[data-testid="pending-count"]').textContent.trim() === '1 pending change'`))
		tb.noProblems(t)
	})

	t.Run("router target chooser filters by name", func(t *testing.T) {
		tb := c.signedInTab(t, st, emulator.AdminUserID)
		// The select with every target (warm lists may show it at once;
		// ?choose=target always does).
		tb.open(t, st.URL+pageNamed(t, pages, "router target chooser"), 1280)
		tb.do(t,
			chromedp.WaitVisible(byTestID("filter-default-target")),
			chromedp.SendKeys(byTestID("filter-default-target"), "wareh"),
		)
		shown := get(t, tb, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#default-target-select option'))
			.filter(o => !o.hidden && !o.closest('optgroup[hidden]') && o.value !== '').map(o => o.textContent)`))
		// The current target stays, so filtering never changes the choice.
		want := []string{"Warehouse Operations (department)", "Sales (call center)"}
		if strings.Join(shown, "|") != strings.Join(want, "|") {
			t.Errorf("after typing \"wareh\" the chooser offers %q, want %q", shown, want)
		}
		groups := get(t, tb, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#default-target-select optgroup:not([hidden])'), g => g.label)`))
		if strings.Join(groups, "|") != "Departments|Call centers" {
			t.Errorf("groups left showing: %q", groups)
		}
		tb.noProblems(t)
	})

	t.Run("axe finds nothing serious", func(t *testing.T) {
		src := axeSource(t)
		// One tab per person, side by side: each page waits mostly on axe.
		for _, who := range []dialpad.ID{emulator.AdminUserID, emulator.OfficeAdminUserID, emulator.SupportUserID, emulator.ManagerUserID} {
			t.Run(who.String(), func(t *testing.T) {
				t.Parallel()
				tb := c.signedInTab(t, st, who)
				for _, p := range pages {
					tb.open(t, st.URL+p.path, 1280)
					for _, v := range tb.axe(t, src) {
						t.Errorf("%s: %s", p.name, v)
					}
				}
			})
		}
		// Signed out: the sign-in redirect lands on the consent page; and
		// the page shown after logging out.
		t.Run("signed out", func(t *testing.T) {
			t.Parallel()
			tb := c.newTabWithin(t, true, pagesTimeout)
			for _, path := range []string{"/signed-out", "/callcenters"} {
				tb.open(t, st.URL+path, 1280)
				for _, v := range tb.axe(t, src) {
					t.Errorf("%s: %s", path, v)
				}
			}
		})
	})
}

// TestScreenshots saves every main page at desktop and phone widths as PNGs
// for a person to review. It runs only when SWITCHBOARD_SCREENSHOTS names
// a folder (make screenshots), never in make test.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SWITCHBOARD_SCREENSHOTS")
	if dir == "" {
		t.Skip("set SWITCHBOARD_SCREENSHOTS to a folder (make screenshots) to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c := startChrome(t)
	st := webtest.Start(t)
	tb := c.signedInTab(t, st, emulator.AdminUserID)
	pages := append(mainPages(t, st), uiPage{"signed out", "/signed-out"})
	for _, p := range pages {
		for _, width := range []int64{1280, 390} {
			tb.open(t, st.URL+p.path, width)
			png := get(t, tb, chromedp.FullScreenshot(100))
			name := fmt.Sprintf("%s-%d.png", strings.ReplaceAll(p.name, " ", "-"), width)
			if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Logf("screenshots in %s", dir)
}
