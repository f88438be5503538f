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

// A Dialpad read that hangs costs a page its one deadline, not minutes:
// the page answers 504 in plain words, and a posted form comes back with
// everything typed. The emulator's hang is real; the deadline is tiny.
func TestPageDeadlineAnswers504InTime(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) {
		c.DialpadDeadline = time.Second // opening the form first must fit in it on a loaded machine
	}))
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	t.Cleanup(e.Emulator.InjectFault(emulator.Fault{Method: http.MethodGet, Path: "/api/v2/callcenters/*", Timeout: true}))
	e.Emulator.ResetRequests()

	const typed = "Support Tier 2 (evenings)"
	form.Set("name", typed)
	tests := []struct {
		name     string
		do       func() *webtest.Response
		wantKept string // what the person typed, still in the page
	}{
		// ?refresh=1: the page must read Dialpad, not the read cache.
		{"page", func() *webtest.Response { return e.b.Get(ccPath(cc) + "?refresh=1") }, ""},
		{"save", func() *webtest.Response { return e.b.PostForm(ccPath(cc), form) }, `value="` + typed + `"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.do()
			if res.StatusCode != http.StatusGatewayTimeout {
				t.Fatalf("status %d, want 504:\n%s", res.StatusCode, res.Body)
			}
			if !strings.Contains(res.Body, "Dialpad did not answer in time") {
				t.Errorf("page does not say Dialpad did not answer in time:\n%s", res.Body)
			}
			if tt.wantKept != "" && !strings.Contains(res.Body, tt.wantKept) {
				t.Errorf("the form lost %s", tt.wantKept)
			}
		})
	}
	e.nothingSent()
}
