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

// A PATCH Dialpad never answers may have been applied: the form comes
// back with a 504, the person's input and a plain sentence saying so. The
// emulator's hang is real; the page deadline is short.
func TestSaveTimeoutIs504(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) {
		c.DialpadDeadline = time.Second // opening the form first must fit in it on a loaded machine
	}))
	cc := s.callCenter("Support Tier 2")
	_, form := s.openForm(ccPath(cc), "hours-form")
	form = withDay(with(form, "ring_seconds", "25", "hours_on", "true"), "monday_hours", "06:45", "11:15")
	s.fault(emulator.Fault{Method: http.MethodPatch, Timeout: true})

	res := s.b.PostForm(ccPath(cc), form)
	if res.StatusCode != http.StatusGatewayTimeout {
		t.Fatalf("status %d, want 504:\n%s", res.StatusCode, res.Body)
	}
	for _, want := range []string{
		"Dialpad did not answer in time, so Switchboard cannot tell whether your change was saved",
		`value="06:45"`, `value="11:15"`, `value="25"`,
		`data-testid="outcome-unknown"`, // re-based on a fresh read, input beside it
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
