package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/routing"
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

// routerRequest is a request for a router page or action, with the route's
// {id} set as chi would, carrying cookies.
func routerRequest(method, target string, id dialpad.ID, form url.Values, cookies []*http.Cookie) *http.Request {
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	req.SetPathValue("id", id.String())
	for _, c := range cookies {
		req.AddCookie(c)
	}
	return req
}

func TestRouterDemoPanel(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	routers := f.routers()
	cr := routers[0]
	page := "/routers/" + cr.ID.String()

	// Outside demo mode there is no panel and no action.
	if body := f.do(f.h.RouterEdit, routerRequest("GET", page, cr.ID, nil, nil), false).Body.String(); strings.Contains(body, `data-testid="demo-panel"`) {
		t.Error("the demo panel shows outside demo mode")
	}
	if rec := f.do(f.h.RouterDemo, routerRequest("POST", page+"/demo", cr.ID, url.Values{"action": {"place1"}}, nil), false); rec.Code != http.StatusNotFound {
		t.Errorf("demo action outside demo mode: %d, want 404", rec.Code)
	}

	demo := &fakeDemo{}
	f.h.Demo = demo
	body := f.do(f.h.RouterEdit, routerRequest("GET", page, cr.ID, nil, nil), false).Body.String()
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
		rec := f.do(f.h.RouterDemo, routerRequest("POST", page+"/demo", cr.ID, url.Values{"action": {tt.action}}, nil), false)
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != page+"#demo" {
			t.Fatalf("%s: %d to %q, want 303 back to the panel", tt.action, rec.Code, rec.Header().Get("Location"))
		}
		next := f.do(f.h.RouterEdit, routerRequest("GET", page, cr.ID, nil, rec.Result().Cookies()), false).Body.String()
		if !strings.Contains(next, `data-testid="flash">`+tt.wantFlash+`<`) {
			t.Errorf("%s: flash missing %q", tt.action, tt.wantFlash)
		}
		if warned := strings.Contains(next, `class="flash flash-warning" role="alert"`); warned != tt.warning {
			t.Errorf("%s: flash in the warning style %v, want %v", tt.action, warned, tt.warning)
		}
		// Routing errors are bad news wherever they are counted.
		if warned, want := strings.Contains(next, `<p class="rt-warn" data-testid="demo-error-count">`), demo.errors > 0; warned != want {
			t.Errorf("%s: %d routing errors counted in the warning colour %v, want %v", tt.action, demo.errors, warned, want)
		}
		if demo.calls != tt.wantCalls {
			t.Errorf("%s: %d calls placed, want %d", tt.action, demo.calls, tt.wantCalls)
		}
	}
	if rec := f.do(f.h.RouterDemo, routerRequest("POST", page+"/demo", cr.ID, url.Values{"action": {"explode"}}, nil), false); rec.Code != http.StatusBadRequest {
		t.Errorf("unknown action: %d, want 400", rec.Code)
	}
}
