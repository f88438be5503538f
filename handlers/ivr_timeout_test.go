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

// A PATCH Dialpad never answers may have been applied: the assignments
// form comes back with a 504, a plain sentence saying so, the person's
// choices, and a panel setting them beside what a fresh read found. The
// emulator's hang is real; the page deadline is short.
func TestIVRSaveTimeoutIs504(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) {
		c.DialpadDeadline = time.Second // opening the form first must fit in it on a loaded machine
	}))
	japan := s.callCenter("Japan Support").ID
	koto := s.ivr(japan, "Koto hold music").ID
	_, form := s.openIVRs(japan)
	form = with(form, "HOLD_MUSIC", koto.String())
	s.fault(emulator.Fault{Method: http.MethodPatch, Timeout: true})

	res := s.b.PostForm(ivrPath(japan), form)
	if res.StatusCode != http.StatusGatewayTimeout {
		t.Fatalf("status %d, want 504:\n%s", res.StatusCode, res.Body)
	}
	for _, want := range []string{
		"Dialpad did not answer in time, so Switchboard cannot tell whether your change was saved: Dialpad may have applied it.",
		`data-testid="outcome-unknown"`,
		`<option value="` + koto.String() + `" selected>Koto hold music</option>`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}
