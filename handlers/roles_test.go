package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
	"switchboard/web"
	"switchboard/web/webtest"
)

// where a case's resource is, seen from Oliver, office admin of London.
type where int

const (
	anywhere  where = iota // company-wide, or judged "somewhere" by the route
	ownOffice              // London
	elsewhere              // another office
)

// roleCase is one request to one route.
type roleCase struct {
	method, pattern string
	action          access.Action
	where           where
	path            func(r roleFixture) string
	form            func(s *stack, r roleFixture) url.Values // nil: an empty form
}

// roleFixture names the resources the cases act on, in London and elsewhere.
type roleFixture struct {
	london, tokyo       dialpad.ID
	centerIn, centerOut dialpad.ID
	deptIn, deptOut     dialpad.ID
	routerIn, routerOut dialpad.ID
	salesTarget         string
}

func (r roleFixture) center(w where) dialpad.ID {
	if w == elsewhere {
		return r.centerOut
	}
	return r.centerIn
}

func (r roleFixture) dept(w where) dialpad.ID {
	if w == elsewhere {
		return r.deptOut
	}
	return r.deptIn
}

func (r roleFixture) router(w where) dialpad.ID {
	if w == elsewhere {
		return r.routerOut
	}
	return r.routerIn
}

// roleCases covers every signed-in route; per-office actions once in
// London and once elsewhere. Deletes come last: they end their router.
func roleCases() []roleCase {
	static := func(p string) func(roleFixture) string { return func(roleFixture) string { return p } }
	center := func(w where, suffix string) func(roleFixture) string {
		return func(r roleFixture) string { return "/callcenters/" + r.center(w).String() + suffix }
	}
	dept := func(w where, suffix string) func(roleFixture) string {
		return func(r roleFixture) string { return "/departments/" + r.dept(w).String() + suffix }
	}
	router := func(w where, suffix string) func(roleFixture) string {
		return func(r roleFixture) string { return "/routers/" + r.router(w).String() + suffix }
	}
	ivr := func(w where, suffix string) func(roleFixture) string {
		return func(r roleFixture) string { return "/ivrs/callcenter/" + r.center(w).String() + suffix }
	}
	hoursForm := func(w where) func(*stack, roleFixture) url.Values {
		return func(s *stack, r roleFixture) url.Values {
			_, form := s.openForm("/callcenters/"+r.center(w).String(), "hours-form")
			return form
		}
	}
	deptForm := func(w where) func(*stack, roleFixture) url.Values {
		return func(s *stack, r roleFixture) url.Values {
			_, form := s.openForm("/departments/"+r.dept(w).String(), "hours-form")
			return form
		}
	}
	ivrForm := func(w where) func(*stack, roleFixture) url.Values {
		return func(s *stack, r roleFixture) url.Values {
			_, form := s.openIVRs(r.center(w))
			return form
		}
	}
	routerForm := func(w where) func(*stack, roleFixture) url.Values {
		return func(s *stack, r roleFixture) url.Values {
			_, form := s.openForm("/routers/"+r.router(w).String(), "router-form")
			return form
		}
	}
	newRouter := func(w where) func(*stack, roleFixture) url.Values {
		return func(s *stack, r roleFixture) url.Values {
			office := r.london
			if w == elsewhere {
				office = r.tokyo
			}
			return url.Values{"name": {"Role Test Router"}, "routing_url": {"https://routing.example.com/x"},
				"default_target": {r.salesTarget}, "office_id": {office.String()}, "enabled": {"true"}, "secret_action": {"keep"}}
		}
	}
	cases := []roleCase{
		{"GET", "/", access.View, anywhere, static("/"), nil},
		{"GET", "/callcenters", access.View, anywhere, static("/callcenters"), nil},
		{"GET", "/departments", access.View, anywhere, static("/departments"), nil},
		{"GET", "/routers", access.View, anywhere, static("/routers"), nil},
		{"GET", "/callcenters/{id}", access.View, anywhere, center(elsewhere, ""), nil},
		{"POST", "/callcenters/{id}/preview", access.EditHours, anywhere, center(ownOffice, "/preview"), nil},
		{"GET", "/departments/{id}", access.View, anywhere, dept(elsewhere, ""), nil},
		{"POST", "/departments/{id}/preview", access.EditHours, anywhere, dept(ownOffice, "/preview"), nil},
		{"GET", "/hours", access.View, anywhere, static("/hours"), nil},
		{"GET", "/hours.csv", access.View, anywhere, static("/hours.csv"), nil},
		{"GET", "/hours/bulk", access.BulkHours, anywhere, static("/hours/bulk"), nil},
		{"POST", "/hours/bulk", access.BulkHours, anywhere, static("/hours/bulk"), nil},
		{"GET", "/routers/new", access.EditRouter, anywhere, static("/routers/new"), nil},
		{"GET", "/routers/{id}", access.View, anywhere, router(elsewhere, ""), nil},
		{"GET", "/routers/{id}/targets", access.View, anywhere, router(elsewhere, "/targets"), nil},
		{"GET", "/routers/{id}/delete", access.EditRouter, anywhere, router(elsewhere, "/delete"), nil},
		{"POST", "/routers/{id}/demo", access.TestRouter, anywhere, router(elsewhere, "/demo"), nil},
		{"GET", "/ivrs/audio/{ivr_id}", access.View, anywhere, static("/ivrs/audio/1"), nil},
		{"GET", "/ivrs/{target_type}/{target_id}", access.View, anywhere, ivr(elsewhere, ""), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/unassign", access.EditIVR, anywhere, ivr(ownOffice, "/unassign"), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/delete", access.EditIVR, anywhere, ivr(ownOffice, "/delete"), nil},
		{"GET", "/ivrs/{target_type}/{target_id}/upload", access.View, anywhere, ivr(elsewhere, "/upload"), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/upload", access.EditIVR, anywhere, ivr(ownOffice, "/upload"), nil},
		{"GET", "/ivrs/{target_type}/{target_id}/recordings/{ivr_id}", access.View, anywhere, ivr(elsewhere, "/recordings/1"), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/recordings/{ivr_id}", access.EditIVR, anywhere, ivr(ownOffice, "/recordings/1"), nil},
		{"GET", "/ivrs/{target_type}/{target_id}/copy", access.CopyIVR, anywhere, ivr(ownOffice, "/copy"), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/copy", access.CopyIVR, anywhere, ivr(ownOffice, "/copy"), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/copy/apply", access.CopyIVR, anywhere, ivr(ownOffice, "/copy/apply"), nil},
		// Each target of an upload to several is judged by its own office (422 beside the list).
		{"GET", "/ivrs/{target_type}/{target_id}/copy/upload", access.EditIVR, anywhere, ivr(elsewhere, "/copy/upload"), nil},
		{"POST", "/ivrs/{target_type}/{target_id}/copy/upload", access.EditIVR, anywhere, ivr(ownOffice, "/copy/upload"), nil},
		{"GET", "/audit", access.ViewAudit, anywhere, static("/audit"), nil},
		{"GET", "/audit.csv", access.ViewAudit, anywhere, static("/audit.csv"), nil},
		{"GET", "/access", access.ManageAccess, anywhere, static("/access"), nil},
		{"POST", "/access", access.ManageAccess, anywhere, static("/access"), nil},
		{"POST", "/access/revoke", access.ManageAccess, anywhere, static("/access/revoke"), nil},
	}
	for _, w := range []where{ownOffice, elsewhere} {
		cases = append(cases,
			roleCase{"POST", "/callcenters/{id}", access.EditHours, w, center(w, ""), hoursForm(w)},
			roleCase{"POST", "/departments/{id}", access.EditHours, w, dept(w, ""), deptForm(w)},
			roleCase{"POST", "/routers", access.EditRouter, w, static("/routers"), newRouter(w)},
			roleCase{"POST", "/routers/{id}", access.EditRouter, w, router(w, ""), routerForm(w)},
			roleCase{"POST", "/routers/{id}/reset", access.ResetRouter, w, router(w, "/reset"), nil},
			roleCase{"POST", "/routers/{id}/numbers", access.EditRouter, w, router(w, "/numbers"), nil},
			roleCase{"POST", "/routers/{id}/test", access.TestRouter, w, router(w, "/test"), nil},
			roleCase{"POST", "/ivrs/{target_type}/{target_id}", access.EditIVR, w, ivr(w, ""), ivrForm(w)},
		)
	}
	for _, w := range []where{ownOffice, elsewhere} {
		cases = append(cases, roleCase{"POST", "/routers/{id}/delete", access.EditRouter, w, router(w, "/delete"), nil})
	}
	return cases
}

// roleGrants are the roles of the table, as the demo seeds them. Dana is a
// company admin and needs no grant; Sofia has none.
func roleGrants(t *testing.T, st *webtest.Stack, london dialpad.ID) []access.Grant {
	emails := map[dialpad.ID]string{}
	for _, p := range st.Emulator.Personas() {
		if len(p.User.Emails) > 0 {
			emails[p.User.ID] = p.User.Emails[0]
		}
	}
	grant := func(id dialpad.ID, role access.Role, office dialpad.ID) access.Grant {
		g, err := access.NewGrant(emails[id], role, office)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	return []access.Grant{
		grant(emulator.OfficeAdminUserID, access.OfficeAdmin, london),
		grant(emulator.SupportUserID, access.Support, 0),
		grant(emulator.ManagerUserID, access.Viewer, 0),
	}
}

// allowedFor is the rule table of issue 9, written out by hand.
func allowedFor(role access.Role, a access.Action, w where) bool {
	switch role {
	case access.Admin:
		return true
	case access.OfficeAdmin:
		switch {
		case a == access.View:
			return true
		case a == access.ManageAccess || a == access.ViewAudit:
			return false
		}
		return w != elsewhere
	case access.Support:
		return a == access.View || a == access.ResetRouter || a == access.TestRouter
	case access.Viewer:
		return a == access.View
	}
	return false
}

// TestRolesAgainstEveryRoute signs each role in, in company-key mode, and
// sends every route's request: refusals answer 403 with nothing sent to
// Dialpad (and, for people without a role, no Dialpad call at all); allowed
// requests are never 403. The table must cover every route in the table of
// routes.
func TestRolesAgainstEveryRoute(t *testing.T) {
	people := []struct {
		name string
		user dialpad.ID
		role access.Role
	}{
		{"admin", emulator.AdminUserID, access.Admin},
		{"office admin", emulator.OfficeAdminUserID, access.OfficeAdmin},
		{"support", emulator.SupportUserID, access.Support},
		{"viewer", emulator.ManagerUserID, access.Viewer},
		{"no role", emulator.NewHireUserID, access.None},
	}
	cases := roleCases()
	for _, p := range people {
		t.Run(p.name, func(t *testing.T) {
			probe := newStack(t)
			london, tokyo := probe.office("London").ID, probe.office("Tokyo").ID
			s := signedIn(t, p.user, webtest.WithCompanyKey(),
				webtest.WithGrants(roleGrants(t, probe.Stack, london)...),
				webtest.WithConfig(func(c *web.Config) { c.RoutingTimeout = 200 * time.Millisecond }))
			if p.role == access.None {
				// The table's setup reads pages; a person without a role has none.
				assertCovers(t, s.Server.Routes(), cases)
			}
			fx := roleFixture{london: london, tokyo: tokyo,
				centerIn: s.callCenter("UK Sales").ID, centerOut: s.callCenter("Sales").ID,
				deptIn: s.department("Finance").ID, deptOut: s.departmentOutside(london).ID,
				routerOut:   s.router("APAC Overflow Router").ID,
				salesTarget: "callcenter:" + s.callCenter("Sales").ID.String()}
			fx.routerIn = s.londonRouter(london)
			for _, c := range cases {
				form := url.Values{}
				if c.form != nil && p.role != access.None {
					form = c.form(s, fx)
				}
				path := c.path(fx)
				s.Emulator.ResetRequests()
				var res *webtest.Response
				if c.method == http.MethodGet {
					res = s.b.Get(path)
				} else {
					res = s.b.PostForm(path, form)
				}
				allowed := allowedFor(p.role, c.action, c.where)
				name := c.method + " " + c.pattern + " (" + path + ")"
				switch {
				case allowed && res.StatusCode == http.StatusForbidden:
					t.Errorf("%s: 403 for a %s, want it allowed:\n%s", name, p.name, res.Body)
				case !allowed && res.StatusCode != http.StatusForbidden:
					t.Errorf("%s: %d for a %s, want 403", name, res.StatusCode, p.name)
				case !allowed:
					if ws := s.writes(); len(ws) > 0 {
						t.Errorf("%s: refused, yet Dialpad received %s", name, describe(ws))
					}
					if p.role == access.None {
						if rs := s.Emulator.Requests(); len(rs) > 0 {
							t.Errorf("%s: a person without a role made Dialpad calls: %s", name, describe(rs))
						}
						if !strings.Contains(res.Body, "no role in Switchboard") {
							t.Errorf("%s: not the no-access page:\n%s", name, res.Body)
						}
					}
				}
			}
		})
	}
}

// assertCovers fails for any signed-in route the cases leave out.
func assertCovers(t *testing.T, routes chi.Routes, cases []roleCase) {
	t.Helper()
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.method+" "+c.pattern] = true
	}
	err := chi.Walk(routes, func(method, route string, h http.Handler, _ ...func(http.Handler) http.Handler) error {
		if _, public, ok := web.RouteRule(h); ok && public {
			return nil
		}
		if !covered[method+" "+route] {
			t.Errorf("%s %s: no case in the role table", method, route)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// departmentOutside is a department of another office than office.
func (s *stack) departmentOutside(office dialpad.ID) dialpad.Department {
	s.t.Helper()
	for _, d := range s.departments(dialpad.ListFilter{}) {
		if d.OfficeID != office {
			return d
		}
	}
	s.t.Fatal("every department is in one office")
	return dialpad.Department{}
}

// londonRouter creates a call router in office through the test's own
// client (the seed has none in London).
func (s *stack) londonRouter(office dialpad.ID) dialpad.ID {
	s.t.Helper()
	cr, err := s.api.CreateCallRouter(s.t.Context(), dialpad.CreateCallRouter{
		Name: "London Test Router", OfficeID: office, RoutingURL: "https://routing.example.com/london",
		DefaultTargetType: dialpad.TargetOffice, DefaultTargetID: office, Enabled: true,
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return cr.ID
}

// With the company key, an office admin changes his own office's call
// centers, which Dialpad refuses to an office admin's own token.
func TestOfficeAdminChangesCallCentersWithTheCompanyKey(t *testing.T) {
	s := signedIn(t, emulator.OfficeAdminUserID, webtest.WithDemoRoles())
	uk := s.callCenter("UK Sales")
	_, form := s.openForm("/callcenters/"+uk.ID.String(), "hours-form")
	s.Emulator.ResetRequests()
	res := s.b.PostForm("/callcenters/"+uk.ID.String(), with(form, "name", "UK Sales (London)"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save answered %d:\n%s", res.StatusCode, res.Body)
	}
	ws := s.writes()
	if len(ws) != 1 || !ws[0].CompanyKey || ws[0].Method != http.MethodPatch {
		t.Fatalf("want one PATCH with the company key, got %s", describe(ws))
	}
	if got := s.freshCallCenter(uk.ID).Name; got != "UK Sales (London)" {
		t.Errorf("name in Dialpad = %q", got)
	}
}
