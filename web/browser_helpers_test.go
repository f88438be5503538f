package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserTimeout bounds one browser test's whole conversation with Chromium.
const browserTimeout = 60 * time.Second

// chrome is one headless Chromium, shared by the subtests of a test; each
// tab gets its own browser context, so cookies never cross between them.
type chrome struct {
	browser context.Context
}

// startChrome starts Chromium, or skips the test when it is not installed,
// unless SWITCHBOARD_BROWSER_TESTS=required (CI), where that is a failure.
func startChrome(t *testing.T) *chrome {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("SWITCHBOARD_BROWSER_TESTS") == "required" {
			t.Fatal("chromium is not installed and SWITCHBOARD_BROWSER_TESTS=required")
		}
		t.Skip("chromium is not installed; browser tests skipped (apt-get install chromium, or set SWITCHBOARD_BROWSER_TESTS=required to fail instead)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return &chrome{browser: browser}
}

func chromiumPath() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one page in a fresh browser context.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	problems []string // script exceptions and CSP violations
}

// newTab opens a tab; with js false the page runs no script at all, as for
// people without JavaScript.
func (c *chrome) newTab(t *testing.T, js bool) *tab {
	t.Helper()
	return c.newTabWithin(t, js, browserTimeout)
}

// newTabWithin is newTab for a tab that visits many pages, with its own
// bound on the whole conversation.
func (c *chrome) newTabWithin(t *testing.T, js bool, timeout time.Duration) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(c.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// The first call opens the tab; it must not carry the timeout, which
	// would close the tab with it.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !js}); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb := &tab{}
	if err := chromedp.Listen(ctx, tb.watch); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	tctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(cancelTimeout)
	tb.ctx = tctx
	return tb
}

// watch keeps what a person would see as a broken page: uncaught script
// errors and content-security-policy refusals. It runs in the tab's event
// loop, so it only records.
func (tb *tab) watch(ev any) {
	var p string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		p = fmt.Sprintf("script error at %s:%d: %s", d.URL, d.LineNumber+1, d.Text)
		if d.Exception != nil {
			p += " " + d.Exception.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Source == log.EntrySourceSecurity || ev.Entry.Level == log.EntryLevelError && ev.Entry.Source == log.EntrySourceJavascript {
			p = fmt.Sprintf("%s: %s", ev.Entry.Source, ev.Entry.Text)
		}
	}
	if p != "" {
		tb.mu.Lock()
		tb.problems = append(tb.problems, p)
		tb.mu.Unlock()
	}
}

// do performs steps in order, failing the test with what went wrong.
func (tb *tab) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// get runs one action that reads a value.
func get[T any](t *testing.T, tb *tab, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// byTestID selects elements by their data-testid hook.
func byTestID(id string) chromedp.CSS {
	return chromedp.CSS(fmt.Sprintf("[data-testid=%q]", id))
}

// noProblems fails the test if the page threw or the CSP refused anything.
func (tb *tab) noProblems(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		t.Errorf("browser reported %s", p)
	}
}
