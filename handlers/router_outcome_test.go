package handlers_test

import (
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
				c.DialpadDeadline = 300 * time.Millisecond // ends the timeout fault's hang
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
