package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestRouterListShowsStatusOfEachRouter(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	routers := s.routers()
	disabled := 0
	for _, cr := range routers {
		if !cr.Enabled {
			disabled++
		}
	}
	if len(routers) < 2 || disabled == 0 || disabled == len(routers) {
		t.Fatalf("the seed should hold enabled and disabled routers; got %d with %d disabled", len(routers), disabled)
	}

	res := s.b.Get("/routers")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}
	body := res.Body
	rs := rows(body, "router-row")
	if len(rs) != len(routers) {
		t.Errorf("%d rows, want %d", len(rs), len(routers))
	}
	for _, cr := range routers {
		row := rowFor(rs, cr.Name)
		if row == "" {
			t.Errorf("no row for %q", cr.Name)
			continue
		}
		want := `data-testid="router-status">Enabled<`
		if !cr.Enabled {
			want = `data-testid="router-status">Disabled<`
		}
		if !strings.Contains(row, want) {
			t.Errorf("router %q (enabled %v): row lacks %s", cr.Name, cr.Enabled, want)
		}
		if u, err := url.Parse(cr.RoutingURL); err == nil && u.Host != "" && !strings.Contains(row, `<strong class="url-host">`+u.Host+`</strong>`) {
			t.Errorf("router %q: host %q is not emphasised", cr.Name, u.Host)
		}
		for _, n := range cr.PhoneNumbers {
			if !strings.Contains(row, n) {
				t.Errorf("router %q: number %s missing", cr.Name, n)
			}
		}
	}
	if strings.Contains(body, `data-testid="filter-q"`) {
		t.Error("routers offer a name search Dialpad cannot do")
	}
}

func TestRouterListFollowsAChangeMadeElsewhere(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	routers := s.routers()
	var on dialpad.CallRouter
	for _, cr := range routers {
		if cr.Enabled {
			on = cr
			break
		}
	}
	if err := s.Emulator.MutateCallRouter(on.ID, func(cr *dialpad.CallRouter) { cr.Enabled = false }); err != nil {
		t.Fatal(err)
	}
	row := rowFor(rows(s.b.Get("/routers").Body, "router-row"), on.Name)
	if !strings.Contains(row, `data-testid="router-status">Disabled<`) || !strings.Contains(row, "badge-red") {
		t.Errorf("router disabled in Dialpad does not show a red Disabled badge: %s", row)
	}
}

func TestRouterListByOffice(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	all := s.routers()
	office := all[0].OfficeID
	want := 0
	for _, cr := range all {
		if cr.OfficeID == office {
			want++
		}
	}
	res := s.b.Get("/routers?office_id=" + office.String())
	if got := len(rows(res.Body, "router-row")); res.StatusCode != http.StatusOK || got != want {
		t.Errorf("status %d with %d rows, want 200 with %d", res.StatusCode, got, want)
	}
}
