package emulator_test

import (
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestDemoSeed(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	var company dialpad.Company
	f.decode(f.do("GET", "/api/v2/company", f.admin(), nil), &company)
	if company.Name != "Acme Logistics" || company.OfficeCount != 3 {
		t.Fatalf("company = %+v", company)
	}

	offices := listAll[dialpad.Office](f, "/api/v2/offices")
	zones := map[string]bool{}
	for _, o := range offices {
		zones[o.Timezone] = true
	}
	if len(offices) != 3 || len(zones) != 3 {
		t.Fatalf("%d offices in %d zones", len(offices), len(zones))
	}

	centers := listAll[dialpad.CallCenter](f, "/api/v2/callcenters")
	var split, allDay, weekend, closedWeekday, night bool
	for _, cc := range centers {
		if cc.ID < 1e15 || cc.HoldQueue == nil || cc.RoutingOptions == nil || cc.RoutingOptions.Open == nil ||
			cc.AdvancedSettings == nil || cc.Alerts == nil || cc.VoiceIntelligence == nil || len(cc.PhoneNumbers) == 0 {
			t.Errorf("call center %q is not fully seeded: %+v", cc.Name, cc)
		}
		split = split || len(cc.MondayHours) == 4
		allDay = allDay || !cc.HoursOn
		weekend = weekend || (cc.HoursOn && len(cc.SaturdayHours) > 0)
		closedWeekday = closedWeekday || (cc.HoursOn && len(cc.TuesdayHours) == 0)
		night = night || slices.Contains(cc.MondayHours, "23:59")
	}
	if len(centers) < 12 || !split || !allDay || !weekend || !closedWeekday || !night {
		t.Fatalf("%d call centers; split %v, 24/7 %v, weekend %v, closed weekday %v, night %v",
			len(centers), split, allDay, weekend, closedWeekday, night)
	}

	if n := len(listAll[dialpad.Department](f, "/api/v2/departments")); n != 6 {
		t.Fatalf("%d departments", n)
	}

	routers := listAll[dialpad.CallRouter](f, "/api/v2/callrouters")
	disabled := 0
	for _, r := range routers {
		if !r.Enabled {
			disabled++
		}
		if !strings.HasPrefix(r.RoutingURL, "https://") || len(r.PhoneNumbers) == 0 {
			t.Errorf("router %+v", r)
		}
	}
	if len(routers) != 5 || disabled != 1 {
		t.Fatalf("%d routers, %d disabled", len(routers), disabled)
	}

	users := listAll[dialpad.User](f, "/api/v2/users")
	if len(users) < 8 {
		t.Fatalf("%d users", len(users))
	}
}

// TestDemoSeedUsualSchedules keeps the seed useful to the hours review: in
// every office a few units share the office's own hours and a few differ,
// so there is a usual schedule and something that stands out from it.
func TestDemoSeedUsualSchedules(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	key := func(w dialpad.WeekHours) string {
		if !w.HoursOn {
			return "24/7"
		}
		days := [][]string{w.MondayHours, w.TuesdayHours, w.WednesdayHours, w.ThursdayHours, w.FridayHours, w.SaturdayHours, w.SundayHours}
		parts := make([]string, len(days))
		for i, d := range days {
			parts[i] = strings.Join(d, ",")
		}
		return strings.Join(parts, "|")
	}
	perOffice := map[dialpad.ID]map[string][]string{}
	add := func(office dialpad.ID, name string, w dialpad.WeekHours) {
		if perOffice[office] == nil {
			perOffice[office] = map[string][]string{}
		}
		perOffice[office][key(w)] = append(perOffice[office][key(w)], name)
	}
	for _, cc := range listAll[dialpad.CallCenter](f, "/api/v2/callcenters") {
		add(cc.OfficeID, cc.Name, cc.WeekHours)
	}
	for _, d := range listAll[dialpad.Department](f, "/api/v2/departments") {
		add(d.OfficeID, d.Name, d.WeekHours)
	}
	for _, o := range listAll[dialpad.Office](f, "/api/v2/offices") {
		// Offices carry no hours_on: their day lists always apply.
		o.HoursOn = true
		groups := perOffice[o.ID]
		usual := groups[key(o.WeekHours)]
		if len(usual) < 2 || len(usual) > 4 {
			t.Errorf("%s: %d units keep the office's hours %v, want 2 to 4", o.Name, len(usual), usual)
		}
		for k, names := range groups {
			if k != key(o.WeekHours) && len(names) >= len(usual) {
				t.Errorf("%s: %v share other hours as often as the office's own (%v)", o.Name, names, usual)
			}
		}
		if len(groups) < 2 {
			t.Errorf("%s: every unit has the same hours; nothing differs", o.Name)
		}
	}
}

func TestSeededRoles(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	london := f.office("London")
	user := func(id dialpad.ID) dialpad.User {
		var u dialpad.User
		f.decode(f.do("GET", "/api/v2/users/"+id.String(), f.admin(), nil), &u)
		return u
	}
	if u := user(emulator.AdminUserID); !u.IsAdmin || !u.IsSuperAdmin {
		t.Errorf("admin = %+v", u)
	}
	if u := user(emulator.OfficeAdminUserID); !u.IsAdmin || u.IsSuperAdmin || !slices.Equal(u.AdminOfficeIDs, []dialpad.ID{london.ID}) {
		t.Errorf("office admin = %+v", u)
	}
	// Support, the manager and the new hire have no admin rights in Dialpad:
	// in company-key mode Switchboard's roles are all they have.
	for name, id := range map[string]dialpad.ID{"support": emulator.SupportUserID, "manager": emulator.ManagerUserID, "new hire": emulator.NewHireUserID} {
		if u := user(id); u.IsAdmin || u.IsSuperAdmin || len(u.AdminOfficeIDs) != 0 {
			t.Errorf("%s = %+v", name, u)
		}
	}
	if got := len(f.emu.Personas()); got < 8 {
		t.Errorf("%d personas", got)
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	a := newFixture(t, emulator.Options{})
	b := newFixture(t, emulator.Options{})
	if x, y := a.do("GET", "/api/v2/callcenters", a.admin(), nil), b.do("GET", "/api/v2/callcenters", b.admin(), nil); string(x.body) != string(y.body) {
		t.Fatal("two emulators seed different call centers")
	}
}

func TestLargeSeed(t *testing.T) {
	f := newFixture(t, emulator.Options{Offices: 40, CallCenters: 3000, PageSize: 1000})
	offices := listAll[dialpad.Office](f, "/api/v2/offices")
	centers := listAll[dialpad.CallCenter](f, "/api/v2/callcenters")
	if len(offices) != 40 || len(centers) != 3000 {
		t.Fatalf("%d offices, %d call centers", len(offices), len(centers))
	}
	schedules := map[string]int{}
	perOffice := map[dialpad.ID]int{}
	for _, cc := range centers {
		key := strings.Join(cc.MondayHours, ",") + "|" + strings.Join(cc.SaturdayHours, ",")
		if !cc.HoursOn {
			key = "24/7"
		}
		schedules[key]++
		perOffice[cc.OfficeID]++
	}
	common := schedules["08:00,18:00|"]
	if common < len(centers)*3/4 || len(schedules) < 4 {
		t.Fatalf("schedules = %v", schedules)
	}
	if len(perOffice) != 40 {
		t.Fatalf("call centers spread over %d offices", len(perOffice))
	}
	// The role users exist and can write.
	r := f.do("PATCH", path("/api/v2/callcenters/%s", centers[0].ID), f.admin(), `{"ring_seconds":15}`)
	if r.status != 200 {
		t.Fatalf("patch in a large company: %d %s", r.status, r.body)
	}
	// Support has no admin rights here either, as in the demo seed.
	var priya dialpad.User
	f.decode(f.do("GET", path("/api/v2/users/%s", emulator.SupportUserID), f.admin(), nil), &priya)
	if priya.IsAdmin || priya.IsSuperAdmin || len(priya.AdminOfficeIDs) != 0 {
		t.Errorf("support in a large company = %+v, want no admin rights", priya)
	}
}

func BenchmarkLargeSeed(b *testing.B) {
	for b.Loop() {
		emulator.New(emulator.Options{Offices: 200, CallCenters: 5000})
	}
}
