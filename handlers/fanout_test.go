package handlers_test

import (
	"net/http"
	"path"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// panicOn is a transport that panics on API paths matching pattern (as
// path.Match reads it), as a bug in a decoder or a library would, inside
// whichever goroutine made the call. Every other path, sign-in included,
// goes through.
type panicOn struct {
	pattern string
	base    http.RoundTripper
}

func (p panicOn) RoundTrip(r *http.Request) (*http.Response, error) {
	if ok, _ := path.Match(p.pattern, r.URL.Path); ok {
		panic("injected: " + r.URL.Path)
	}
	return p.base.RoundTrip(r)
}

// A panic inside a page's concurrent Dialpad calls is that request's
// error: the 500 page and a logged stack, and the process carries on (an
// unrecovered panic in a goroutine would end this test binary).
func TestPanicInFanOutIsA500(t *testing.T) {
	tests := []struct {
		name    string
		target  string // {id} is a call center's
		panicOn string
	}{
		{"home", "/", "/api/v2/offices"},
		{"call center list", "/callcenters", "/api/v2/offices"},
		{"router list", "/routers", "/api/v2/callrouters"},
		{"hours review", "/hours", "/api/v2/departments"},
		{"editor header", "/callcenters/{id}", "/api/v2/callcenters/*/status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Only the console's client panics; the test's api client reads on.
			hc := &http.Client{Transport: panicOn{tt.panicOn, http.DefaultTransport}, Timeout: 30 * time.Second}
			s := signedIn(t, emulator.AdminUserID, webtest.WithServerOptions(web.WithHTTPClient(hc)))
			cc := s.callCenters(dialpad.ListFilter{})[0]
			target := strings.ReplaceAll(tt.target, "{id}", cc.ID.String())
			res := s.b.Get(target)
			if res.StatusCode != http.StatusInternalServerError {
				t.Fatalf("status %d, want 500", res.StatusCode)
			}
			if !strings.Contains(res.Body, "Switchboard hit an unexpected problem") {
				t.Errorf("not the error page:\n%s", res.Body)
			}
			injected := "injected: " + strings.ReplaceAll(tt.panicOn, "*", cc.ID.String())
			if logs := s.Logs(); !strings.Contains(logs, injected) || !strings.Contains(logs, "runtime/debug.Stack") {
				t.Errorf("the panic and its stack are not logged:\n%s", logs)
			}
		})
	}
}
