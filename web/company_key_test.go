package web_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// In company-key mode every Dialpad call carries the company key, as a
// bearer token rather than in the URL, and the key reaches no page, log
// line or error, even when Dialpad fails.
func TestCompanyKeyCallsDialpadAndNeverShows(t *testing.T) {
	st := webtest.Start(t, webtest.WithDemoRoles())
	b := st.LoginAs(t, emulator.ManagerUserID)
	st.Emulator.ResetRequests()

	var bodies []string
	for _, path := range []string{"/", "/callcenters", "/routers", "/hours"} {
		res := b.Get(path)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", path, res.StatusCode)
		}
		bodies = append(bodies, res.Body)
	}
	reqs := st.Emulator.Requests()
	if len(reqs) == 0 {
		t.Fatal("no Dialpad calls")
	}
	for _, r := range reqs {
		if !r.CompanyKey {
			t.Errorf("%s %s went out without the company key", r.Method, r.Path)
		}
		if strings.Contains(r.RawQuery, st.CompanyKey) || strings.Contains(r.RawQuery, "apikey") {
			t.Errorf("%s %s carries the key in its URL", r.Method, r.Path)
		}
	}

	// Dialpad failing: the error page and the log name the failure, not the key.
	clear := st.Emulator.InjectFault(emulator.Fault{Method: http.MethodGet, Path: "/api/v2/callcenters*", Status: 401, Message: "invalid api key"})
	res := b.Get("/callcenters?refresh=1")
	clear()
	if res.StatusCode < 400 {
		t.Errorf("a refused key answered %d", res.StatusCode)
	}
	bodies = append(bodies, res.Body)
	for _, body := range bodies {
		if strings.Contains(body, st.CompanyKey) {
			t.Error("a page shows the company key")
		}
	}
	if strings.Contains(st.Logs(), st.CompanyKey) {
		t.Error("the log holds the company key")
	}
}
