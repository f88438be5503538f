package handlers

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestRouterListShowsStatusOfEachRouter(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	routers := f.routers()
	disabled := 0
	for _, cr := range routers {
		if !cr.Enabled {
			disabled++
		}
	}
	if len(routers) < 2 || disabled == 0 || disabled == len(routers) {
		t.Fatalf("the seed should hold enabled and disabled routers; got %d with %d disabled", len(routers), disabled)
	}

	rec := f.get(f.h.RouterList, "/routers")
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
	body := rec.Body.String()
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
		if host := splitRoutingURL(cr.RoutingURL).Host; host != "" && !strings.Contains(row, `<strong class="url-host">`+host+`</strong>`) {
			t.Errorf("router %q: host %q is not emphasised", cr.Name, host)
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
	f := newFixture(t, emulator.AdminUserID)
	routers := f.routers()
	var on dialpad.CallRouter
	for _, cr := range routers {
		if cr.Enabled {
			on = cr
			break
		}
	}
	if err := f.emu.MutateCallRouter(on.ID, func(cr *dialpad.CallRouter) { cr.Enabled = false }); err != nil {
		t.Fatal(err)
	}
	row := rowFor(rows(f.get(f.h.RouterList, "/routers").Body.String(), "router-row"), on.Name)
	if !strings.Contains(row, `data-testid="router-status">Disabled<`) || !strings.Contains(row, "badge-red") {
		t.Errorf("router disabled in Dialpad does not show a red Disabled badge: %s", row)
	}
}

func TestRouterListByOffice(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	all := f.routers()
	office := all[0].OfficeID
	want := 0
	for _, cr := range all {
		if cr.OfficeID == office {
			want++
		}
	}
	rec := f.get(f.h.RouterList, "/routers?office_id="+office.String())
	if got := len(rows(rec.Body.String(), "router-row")); rec.Code != http.StatusOK || got != want {
		t.Errorf("status %d with %d rows, want 200 with %d", rec.Code, got, want)
	}
}
