package handlers_test

import (
	"net/http"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// A form saved as it was shown sends nothing, for every seeded resource,
// whatever its text holds: trailing spaces, CRLF, tabs, non-ASCII names.
// A router's untouched save would otherwise spend its one change in five
// minutes on a name nobody edited.
func TestUntouchedSaveSendsNothing(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	type page struct{ name, path, form string }
	var pages []page
	for _, cc := range s.callCenters(dialpad.ListFilter{}) {
		pages = append(pages, page{"call center " + cc.Name, "/callcenters/" + cc.ID.String(), "hours-form"})
	}
	for _, d := range s.departments(dialpad.ListFilter{}) {
		pages = append(pages, page{"department " + d.Name, "/departments/" + d.ID.String(), "hours-form"})
	}
	type target struct {
		kind string
		id   dialpad.ID
		name string
	}
	var targets []target
	for _, r := range s.routers() {
		pages = append(pages, page{"router " + r.Name, "/routers/" + r.ID.String(), "router-form"})
		targets = append(targets, target{dialpad.TargetCallRouter, r.ID, r.Name})
	}
	for _, cc := range s.callCenters(dialpad.ListFilter{}) {
		targets = append(targets, target{dialpad.TargetCallCenter, cc.ID, cc.Name})
	}
	for _, d := range s.departments(dialpad.ListFilter{}) {
		targets = append(targets, target{dialpad.TargetDepartment, d.ID, d.Name})
	}
	for _, o := range s.offices() {
		targets = append(targets, target{dialpad.TargetOffice, o.ID, o.Name})
	}
	recordings := 0
	for _, tg := range targets {
		path := "/ivrs/" + tg.kind + "/" + tg.id.String()
		pages = append(pages, page{"IVRs of " + tg.name, path, "ivr-form"})
		for _, ty := range s.ivrTypes(tg.kind, tg.id) {
			for _, v := range ty.IVRs {
				recordings++
				pages = append(pages, page{"recording " + v.Name + " of " + tg.name, path + "/recordings/" + v.ID.String(), "ivr-rename-form"})
			}
		}
	}
	if recordings == 0 {
		t.Fatal("the seed has no recordings")
	}

	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			s := s.in(t)
			_, form := s.openForm(p.path, p.form)
			s.Emulator.ResetRequests()
			res := s.b.PostForm(p.path, form)
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("untouched save answered %d, want 303:\n%s", res.StatusCode, res.Body)
			}
			s.nothingSent()
		})
	}
}

// A real edit of untidy text is sent as typed, trimmed: the normalised
// value, not Dialpad's old spacing.
func TestEditOfUntidyTextSendsItNormalised(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Zürich Empfang ")
	path := "/callcenters/" + cc.ID.String()
	_, form := s.openForm(path, "hours-form")
	s.Emulator.ResetRequests()
	res := s.b.PostForm(path, with(form, "name", " Zürich Empfang und Kasse ", "group_description", "Reception.\r\nGerman\tand French.\r\n"))
	mustStatus(t, res, http.StatusSeeOther)
	s.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"group_description":"Reception.\nGerman\tand French.","name":"Zürich Empfang und Kasse"}`)
}
