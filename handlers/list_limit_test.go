package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// Every list the console reads asks for pages of 100 ("List APIs support a
// limit and cursor parameter"; Dialpad refuses more than 100), on every
// main page and on every page of a list, so a company needs a quarter of the
// calls it did with the server's default page.
func TestEveryListAsksForPagesOf100(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID,
		// Pages of at most 5 whatever the limit: the cursor's pages are read too.
		webtest.WithEmulator(emulator.Options{CompanyRPS: -1, PageSize: 5}))
	sales := s.callCenter("Sales")
	vip := s.router("VIP Customer Router")
	pages := []string{
		"/",
		"/callcenters",
		"/departments",
		"/routers",
		"/hours?refresh=1",
		"/hours.csv?refresh=1",
		"/hours/bulk",
		"/routers/new",
		"/routers/" + vip.ID.String(),
		"/routers/" + vip.ID.String() + "?choose=target", // the default target chooser, without htmx
		"/ivrs/callcenter/" + sales.ID.String(),
		"/ivrs/callcenter/" + sales.ID.String() + "/copy",
	}
	lists := map[string]bool{"/api/v2/offices": false, "/api/v2/callcenters": false, "/api/v2/departments": false,
		"/api/v2/callrouters": false, "/api/v2/customivrs": false}
	cursorPages := 0
	for _, p := range pages {
		s.Emulator.ResetRequests()
		if res := s.b.Get(p); res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", p, res.StatusCode)
		}
		for _, r := range s.Emulator.Requests() {
			if _, isList := lists[r.Path]; !isList && r.Path != "/api/v2/users" {
				continue
			}
			lists[r.Path] = true
			if r.RawQuery != "" && strings.Contains(r.RawQuery, "cursor=") {
				cursorPages++
			}
			q, _ := url.ParseQuery(r.RawQuery)
			if q.Get("limit") != "100" {
				t.Errorf("GET %s read %s?%s: want limit=100", p, r.Path, r.RawQuery)
			}
		}
	}
	if cursorPages == 0 {
		t.Error("no list was read past its first page: the test no longer covers cursors")
	}
	for path, seen := range lists {
		if !seen && !strings.HasSuffix(path, "users") {
			t.Errorf("no page listed %s: the test no longer covers it", path)
		}
	}
}
