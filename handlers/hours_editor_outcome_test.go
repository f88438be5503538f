package handlers_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// A save whose answer is lost may have landed. The editor never says
// "nothing was changed" then: it reads the call center again and shows
// the person's input beside what Dialpad has, everything typed kept, so a
// second save sends only what is still missing.
func TestEditorSaveOutcomeUnknown(t *testing.T) {
	tests := []struct {
		name    string
		fault   emulator.Fault
		status  int
		applied bool // the emulator made the change before failing
	}{
		{"timed out after applying", emulator.Fault{Timeout: true, Applied: true}, http.StatusGatewayTimeout, true},
		{"dropped after applying", emulator.Fault{Drop: true, Applied: true}, http.StatusBadGateway, true},
		{"unreadable 2xx", emulator.Fault{Garbled: true}, http.StatusBadGateway, true},
		{"503, not applied", emulator.Fault{Status: 503}, http.StatusBadGateway, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) {
				// Ends the timeout fault's hang; long enough that a loaded
				// machine finishes the other cases well within it.
				c.DialpadDeadline = 2 * time.Second
			}))
			cc := e.callCenter("Support Tier 2")
			_, form := e.openForm(ccPath(cc), "hours-form")
			const typed = "Escalations desk"
			f := tt.fault
			f.Method, f.Path, f.Times = http.MethodPatch, "/api/v2/callcenters/"+cc.ID.String(), 1
			e.Emulator.InjectFault(f)

			res := e.b.PostForm(ccPath(cc), with(form, "name", typed))
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d:\n%s", res.StatusCode, tt.status, res.Body)
			}
			msg := testText(res.Body, "form-message")
			if !strings.Contains(msg, "Dialpad may have applied it") || strings.Contains(msg, "nothing was changed") {
				t.Errorf("message %q does not say the change may have been made", msg)
			}
			if testText(res.Body, "outcome-unknown") == "" {
				t.Fatal("no panel setting the input beside what Dialpad has")
			}
			now := cc.Name
			if tt.applied {
				now = typed
			}
			if got := testText(res.Body, "conflict-mine"); got != "“"+typed+"”" {
				t.Errorf("your input shows %s, want “%s”", got, typed)
			}
			if got := testText(res.Body, "conflict-theirs"); got != "“"+now+"”" {
				t.Errorf("now in Dialpad shows %s, want “%s”", got, now)
			}
			again := formOf(t, res.Body, "hours-form")
			if got := again.Get("name"); got != typed {
				t.Fatalf("the form lost the input: name %q", got)
			}

			// Saving the answer again sends only what Dialpad still lacks.
			e.Emulator.ResetRequests()
			if res := e.b.PostForm(ccPath(cc), again); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("second save: status %d:\n%s", res.StatusCode, res.Body)
			}
			if tt.applied {
				e.nothingSent()
			} else {
				e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"name":"`+typed+`"}`)
			}
			if got := e.freshCallCenter(cc.ID).Name; got != typed {
				t.Errorf("name in Dialpad %q, want %q", got, typed)
			}
		})
	}
}
