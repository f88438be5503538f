package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// What each demo person sees, page by page: Dialpad's permissions as the
// spec states them (call centers and departments: company admins only;
// routers and custom IVRs: company admins and admins of the office), shown
// as a read-only page with one sentence saying why, never as a form Dialpad
// would refuse.
func TestPagesFollowDialpadsPermissions(t *testing.T) {
	const (
		centersNote = "Changing call centers needs a Dialpad company admin; you can review them here."
		deptsNote   = "Changing departments needs a Dialpad company admin; you can review them here."
		hoursNote   = "Changing business hours needs a Dialpad company admin; you can review them here."
		editable    = "" // no read-only note: the form is there
	)
	type page struct {
		name, path string
		note       map[dialpad.ID]string // the read-only sentence per person; editable when ""
	}
	s := newStack(t)
	ukSales := s.callCenter("UK Sales")           // London
	finance := s.department("Finance")            // London
	ukCare := s.callCenter("UK Customer Care")    // London
	carrier := s.router("Carrier Hotline Router") // Tokyo
	routerNote := "Changing this call router needs a Dialpad company admin or an admin of Tokyo; you can review it here."
	ivrNote := "Changing these recordings needs a Dialpad company admin or an admin of this call center's office; you can review them here."
	admin, oliver, priya, marcus := emulator.AdminUserID, emulator.OfficeAdminUserID, emulator.SupportUserID, emulator.ManagerUserID
	pages := []page{
		{"call center editor (London)", "/callcenters/" + ukSales.ID.String(),
			map[dialpad.ID]string{admin: editable, oliver: centersNote, priya: centersNote, marcus: centersNote}},
		{"department editor (London)", "/departments/" + finance.ID.String(),
			map[dialpad.ID]string{admin: editable, oliver: deptsNote, priya: deptsNote, marcus: deptsNote}},
		{"hours review", "/hours",
			map[dialpad.ID]string{admin: editable, oliver: hoursNote, priya: hoursNote, marcus: hoursNote}},
		{"router (Tokyo)", "/routers/" + carrier.ID.String(),
			map[dialpad.ID]string{admin: editable, oliver: routerNote, priya: routerNote, marcus: routerNote}},
		{"IVRs of a London call center", "/ivrs/callcenter/" + ukCare.ID.String(),
			map[dialpad.ID]string{admin: editable, oliver: editable, priya: ivrNote, marcus: ivrNote}},
	}
	for _, who := range []dialpad.ID{admin, oliver, priya, marcus} {
		b := s.LoginAs(t, who)
		for _, p := range pages {
			t.Run(p.name+" as "+who.String(), func(t *testing.T) {
				res := b.Get(p.path)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("status %d", res.StatusCode)
				}
				want := p.note[who]
				if n := strings.Count(res.Body, `data-testid="read-only-note"`); want == editable && n != 0 || want != editable && n != 1 {
					t.Fatalf("%d read-only notes (%q), want %d", n, testText(res.Body, "read-only-note"), map[bool]int{true: 0, false: 1}[want == editable])
				}
				if got := testText(res.Body, "read-only-note"); got != want {
					t.Errorf("read-only note %q, want %q", got, want)
				}
				if want != editable && strings.Contains(res.Body, `value="save"`) {
					t.Error("a read-only page offers a Save button")
				}
			})
		}
	}
}

// A save that Dialpad would refuse is refused here: 403 with the reason,
// nothing sent. Oliver administers London, yet Dialpad takes changes to
// call centers and departments from company admins only.
func TestForbiddenSavesSendNothing(t *testing.T) {
	s := newStack(t)
	ukSales := s.callCenter("UK Sales")
	finance := s.department("Finance")
	tests := []struct {
		who  dialpad.ID
		path string
		want string
	}{
		{emulator.OfficeAdminUserID, "/callcenters/" + ukSales.ID.String(), "Changing call centers needs a Dialpad company admin"},
		{emulator.OfficeAdminUserID, "/departments/" + finance.ID.String(), "Changing departments needs a Dialpad company admin"},
		// Neither may change hours anywhere: refused before the handler reads anything.
		{emulator.ManagerUserID, "/callcenters/" + ukSales.ID.String(), "Changing business hours needs a Dialpad company admin"},
		{emulator.SupportUserID, "/departments/" + finance.ID.String(), "Changing business hours needs a Dialpad company admin"},
		{emulator.OfficeAdminUserID, "/hours/bulk", "Changing business hours needs a Dialpad company admin"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" as "+tt.who.String(), func(t *testing.T) {
			b := s.LoginAs(t, tt.who)
			s.Emulator.ResetRequests()
			res := b.PostForm(tt.path, url.Values{"name": {"Renamed"}, "ring_seconds": {"20"}, "_action": {"save"},
				"targets": {"callcenter:" + ukSales.ID.String()}, "monday_hours": {"09:00", "17:00"}})
			if res.StatusCode != http.StatusForbidden {
				t.Fatalf("status %d, want 403", res.StatusCode)
			}
			if !strings.Contains(res.Body, tt.want) {
				t.Errorf("page does not say %q", tt.want)
			}
			s.nothingSent()
		})
	}
}

// The overview works for people whose token Dialpad refuses on GET /company
// (it needs a company admin): the offices and totals are there, and one
// sentence says why the company's details are not.
func TestHomeWithoutCompanyDetails(t *testing.T) {
	s := newStack(t)
	for _, who := range []dialpad.ID{emulator.OfficeAdminUserID, emulator.ManagerUserID} {
		b := s.LoginAs(t, who)
		res := b.Get("/")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", who, res.StatusCode)
		}
		if got := testText(res.Body, "company-note"); got != "Company details need a Dialpad company admin; everything else here is what you can see." {
			t.Errorf("%s: company note %q", who, got)
		}
		if n := strings.Count(res.Body, `data-testid="office-row"`); n != 3 {
			t.Errorf("%s: %d office rows, want 3", who, n)
		}
		if strings.Contains(res.Body, "acme-logistics.com") {
			t.Errorf("%s: the company's domain is shown, Dialpad refused it", who)
		}
	}
	if res := s.LoginAs(t, emulator.AdminUserID).Get("/"); testText(res.Body, "company-note") != "" ||
		!strings.Contains(res.Body, "Acme Logistics") {
		t.Error("the company admin does not see the company's details")
	}
}

// Custom IVRs follow the office: a manager posting the assignments form
// anyway (the read-only page still carries its state) is refused here, and
// nothing reaches Dialpad; the London office admin's own save goes through.
func TestIVRSavesFollowTheOffice(t *testing.T) {
	s := signedIn(t, emulator.ManagerUserID)
	sales := s.callCenter("Sales")
	res, form := s.openIVRs(sales.ID)
	if testText(res.Body, "read-only-note") == "" {
		t.Fatal("the manager's IVR page is not read-only")
	}
	standard := s.ivr(sales.ID, "Standard sales greeting")
	form.Set("GREETING", standard.ID.String())
	s.Emulator.ResetRequests()
	for _, p := range []string{ivrPath(sales.ID), ivrPath(sales.ID) + "/unassign"} {
		form.Set("ivr_type", "GREETING")
		res = s.b.PostForm(p, form)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s: status %d, want 403", p, res.StatusCode)
		}
		if !strings.Contains(res.Body, "Changing these recordings needs a Dialpad company admin or an admin of") {
			t.Errorf("POST %s: the refusal does not say why", p)
		}
	}
	s.nothingSent()
}
