package handlers

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// panicOn is a transport that panics on one API path, as a bug in a
// decoder or a library would, inside whichever goroutine made the call.
type panicOn struct {
	path string
	base http.RoundTripper
}

func (p panicOn) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Path == p.path {
		panic("injected: " + p.path)
	}
	return p.base.RoundTrip(r)
}

// A panic inside a page's concurrent Dialpad calls is that request's
// error: the 500 page and a logged stack, and the process carries on (an
// unrecovered panic in a goroutine would end this test binary).
func TestPanicInFanOutIsA500(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	cc := f.callCenters(dialpad.ListFilter{})[0]
	tests := []struct {
		name    string
		handler http.HandlerFunc
		target  string
		panicOn string
	}{
		{"home", f.h.Home, "/", "/api/v2/offices"},
		{"call center list", f.h.CallCenterList, "/callcenters", "/api/v2/offices"},
		{"router list", f.h.RouterList, "/routers", "/api/v2/callrouters"},
		{"hours review", f.h.HoursReview, "/hours", "/api/v2/departments"},
		{"editor header", f.h.CallCenterEdit, "/callcenters/" + cc.ID.String(), "/api/v2/callcenters/" + cc.ID.String() + "/status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client := dialpad.New(f.url,
				dialpad.WithHTTPClient(&http.Client{Transport: panicOn{tt.panicOn, http.DefaultTransport}}),
				dialpad.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: f.token})))
			req := httptest.NewRequest(http.MethodGet, tt.target, nil)
			req.SetPathValue("id", cc.ID.String())
			req = req.WithContext(WithIdentity(req.Context(), ownTokenIdentity(f.id.User, client)))
			rec := httptest.NewRecorder()
			f.h.Sessions.LoadAndSave(tt.handler).ServeHTTP(rec, req)
			if rec.Code != http.StatusInternalServerError {
				t.Fatalf("status %d, want 500", rec.Code)
			}
			if !strings.Contains(rec.Body.String(), "Switchboard hit an unexpected problem") {
				t.Errorf("not the error page:\n%s", rec.Body.String())
			}
			if logs := f.logs.String(); !strings.Contains(logs, "injected: "+tt.panicOn) || !strings.Contains(logs, "runtime/debug.Stack") {
				t.Errorf("the panic and its stack are not logged:\n%s", logs)
			}
		})
	}
}
