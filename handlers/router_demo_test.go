package handlers_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/routing"
	"switchboard/web"
	"switchboard/web/webtest"
)

// fakeDemo is a DemoControl whose routing service fails on demand and
// whose router disables itself after more than 10 failed calls.
type fakeDemo struct {
	mu      sync.Mutex
	failing bool
	errors  int
	calls   int
}

func (d *fakeDemo) PlaceCall(ctx context.Context, id dialpad.ID) (routing.Result, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.errors > 10 {
		return routing.Result{}, errors.New("the router is disabled")
	}
	d.calls++
	if d.failing {
		d.errors++
		return routing.Result{Status: 500, Problem: "answered 500"}, nil
	}
	return routing.Result{Status: 200, Answer: &routing.Answer{TargetID: 1, TargetType: "office"}}, nil
}

func (d *fakeDemo) ErrorCount(dialpad.ID) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.errors
}

func (d *fakeDemo) RoutingService(dialpad.ID, string) (bool, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.failing, true
}

func (d *fakeDemo) SetRoutingFailing(_ dialpad.ID, failing bool) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.failing = failing
	return true
}

// callsPlaced is how many calls the demo has placed so far.
func (d *fakeDemo) callsPlaced() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.calls
}

func TestRouterDemoPanel(t *testing.T) {
	// Outside demo mode there is no panel and no action, even with a
	// simulator at hand.
	plain := signedIn(t, emulator.AdminUserID, webtest.WithServerOptions(web.WithDemo(&fakeDemo{})))
	cr := plain.routers()[0]
	page := "/routers/" + cr.ID.String()
	if body := plain.b.Get(page).Body; strings.Contains(body, `data-testid="demo-panel"`) {
		t.Error("the demo panel shows outside demo mode")
	}
	if res := plain.b.PostForm(page+"/demo", url.Values{"action": {"place1"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("demo action outside demo mode: %d, want 404", res.StatusCode)
	}

	demo := &fakeDemo{}
	s := signedIn(t, emulator.AdminUserID,
		webtest.WithConfig(func(c *web.Config) { c.Demo = true }),
		webtest.WithServerOptions(web.WithDemo(demo)))
	page = "/routers/" + s.router(cr.Name).ID.String()
	body := s.b.Get(page).Body
	for _, want := range []string{`data-testid="demo-panel"`, "Demo only", `data-testid="demo-place-11"`, `data-testid="demo-failing"`} {
		if !strings.Contains(body, want) {
			t.Errorf("demo panel lacks %s", want)
		}
	}

	tests := []struct {
		action    string
		wantFlash string
		wantCalls int
		warning   bool // bad news, in the warning style
	}{
		{"place1", "Demo: placed 1 call: 1 routed, 0 routing errors.", 1, false},
		{"failing", "Demo: the routing service now answers 500 to every call.", 1, true},
		{"place11", "Demo: placed 11 calls: 0 routed, 11 routing errors. Last error: answered 500. Dialpad disabled the router: more than 10 routing errors in an hour.", 12, true},
		{"place1", "Demo: placed 0 of 1 calls (0 routed, 0 routing errors), then: the router is disabled.", 12, true},
		{"healthy", "Demo: the routing service answers every call again.", 12, false},
	}
	for _, tt := range tests {
		res := s.b.PostForm(page+"/demo", url.Values{"action": {tt.action}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != page+"#demo" {
			t.Fatalf("%s: %d to %q, want 303 back to the panel", tt.action, res.StatusCode, res.Header.Get("Location"))
		}
		next := s.b.Follow(res).Body
		if !strings.Contains(next, `data-testid="flash">`+tt.wantFlash+`<`) {
			t.Errorf("%s: flash missing %q", tt.action, tt.wantFlash)
		}
		if warned := strings.Contains(next, `class="flash flash-warning" role="alert"`); warned != tt.warning {
			t.Errorf("%s: flash in the warning style %v, want %v", tt.action, warned, tt.warning)
		}
		// Routing errors are bad news wherever they are counted.
		if warned, want := strings.Contains(next, `<p class="rt-warn" data-testid="demo-error-count">`), demo.ErrorCount(cr.ID) > 0; warned != want {
			t.Errorf("%s: %d routing errors counted in the warning colour %v, want %v", tt.action, demo.ErrorCount(cr.ID), warned, want)
		}
		if got := demo.callsPlaced(); got != tt.wantCalls {
			t.Errorf("%s: %d calls placed, want %d", tt.action, got, tt.wantCalls)
		}
	}
	if res := s.b.PostForm(page+"/demo", url.Values{"action": {"explode"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown action: %d, want 400", res.StatusCode)
	}
}
