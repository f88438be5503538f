package handlers_test

import (
	"cmp"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// A router save whose answer is lost may have landed: the page reads the
// router again and shows the input beside it, and a generated secret that
// may now be set stays on the page, the only place the person can see it.
func TestRouterSaveOutcomeUnknown(t *testing.T) {
	tests := []struct {
		name   string
		fault  emulator.Fault
		status int
	}{
		{"timed out after applying", emulator.Fault{Timeout: true, Applied: true}, http.StatusGatewayTimeout},
		{"dropped after applying", emulator.Fault{Drop: true, Applied: true}, http.StatusBadGateway},
		{"unreadable 2xx", emulator.Fault{Garbled: true}, http.StatusBadGateway},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) {
				// Ends the timeout fault's hang; long enough that a loaded
				// machine finishes the other cases well within it.
				c.DialpadDeadline = 2 * time.Second
			}))
			cr := e.router("Shipment Status Lookup")
			_, form := e.openRouter(cr.ID)
			f := tt.fault
			f.Method, f.Path, f.Times = http.MethodPatch, "/api/v2/callrouters/"+cr.ID.String(), 1
			e.Emulator.InjectFault(f)

			res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "name", "Shipments", "secret_action", "generate"))
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d:\n%s", res.StatusCode, tt.status, res.Body)
			}
			if msg := testText(res.Body, "page-message"); !strings.Contains(msg, "Dialpad may have applied it") {
				t.Errorf("message %q does not say the change may have been made", msg)
			}
			if testText(res.Body, "outcome-unknown") == "" || testText(res.Body, "conflict-theirs") != "Shipments" {
				t.Errorf("no panel showing the name now in Dialpad (%q)", testText(res.Body, "conflict-theirs"))
			}
			if got := formOf(t, res.Body, "router-form").Get("name"); got != "Shipments" {
				t.Errorf("the form lost the input: name %q", got)
			}
			ws := e.writes()
			var sent struct{ Secret string }
			if len(ws) != 1 || json.Unmarshal(ws[0].Body, &sent) != nil || sent.Secret == "" {
				t.Fatalf("want one PATCH carrying a secret, got %s", describe(ws))
			}
			if !strings.Contains(res.Body, `value="`+sent.Secret+`"`) || testText(res.Body, "new-secret-panel") == "" {
				t.Error("the secret that may now be set is not on the page")
			}
			if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q on a page holding a secret", cc)
			}
			if got := e.freshRouter(cr.ID); got.Signature == nil {
				t.Error("the emulator did not apply the change before failing")
			}
		})
	}
}

// A 429 on a router save names the limit Dialpad actually applied: the
// router's one change per 5 minutes, or the company's 20 requests a
// second. The faults answer as the emulator's two limits do.
func TestRouterRateLimitNamesTheLimit(t *testing.T) {
	tests := []struct {
		name    string
		fault   emulator.Fault
		want    string
		wantNot string
	}{
		{"company", emulator.Fault{Status: 429, RetryAfter: time.Second,
			Message: "rate limit exceeded: at most 20 requests per second per company"},
			"more than its 20 requests a second", "5 minutes"},
		{"company, read before the PATCH", emulator.Fault{Method: http.MethodGet, Status: 429, RetryAfter: time.Second,
			Message: "rate limit exceeded: at most 20 requests per second per company"},
			"more than its 20 requests a second", "5 minutes"},
		{"router", emulator.Fault{Status: 429, RetryAfter: 4 * time.Minute,
			Message: "call router 1 may be updated once every 5 minutes"},
			"one change per call router every 5 minutes", "20 requests"},
		{"router, no message", emulator.Fault{Status: 429, RetryAfter: 4 * time.Minute},
			"one change per call router every 5 minutes", "20 requests"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID)
			cr := e.router("Shipment Status Lookup")
			_, form := e.openRouter(cr.ID)
			f := tt.fault
			f.Method = cmp.Or(f.Method, http.MethodPatch)
			f.Path, f.Times = "/api/v2/callrouters/"+cr.ID.String(), 1
			e.Emulator.InjectFault(f)
			res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "name", "Shipments"))
			if res.StatusCode != http.StatusTooManyRequests {
				t.Fatalf("status %d, want 429", res.StatusCode)
			}
			msg := testText(res.Body, "page-message")
			if !strings.Contains(msg, tt.want) || strings.Contains(msg, tt.wantNot) {
				t.Errorf("message %q, want it to say %q and not %q", msg, tt.want, tt.wantNot)
			}
			if got := formOf(t, res.Body, "router-form").Get("name"); got != "Shipments" {
				t.Errorf("the form lost the input: name %q", got)
			}
		})
	}
}
