package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// TestConsoleSpeaksTheSpec walks the console as the company admin: every
// main page, every editor, and one of each save, with the emulator behind
// spectest (webtest puts it there). Every request the console sends and
// every answer it reads must match Dialpad's spec; a violation fails the
// test at cleanup, naming the method, path, schema and what is wrong.
func TestConsoleSpeaksTheSpec(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)

	pages := []string{"/", "/callcenters", "/departments", "/routers", "/routers/new", "/hours", "/hours.csv"}
	for _, cc := range s.callCenters(dialpad.ListFilter{}) {
		pages = append(pages, ccPath(cc), "/ivrs/callcenter/"+cc.ID.String())
	}
	for _, d := range s.departments(dialpad.ListFilter{}) {
		pages = append(pages, "/departments/"+d.ID.String(), "/ivrs/department/"+d.ID.String())
	}
	for _, o := range s.offices() {
		pages = append(pages, "/callcenters?office_id="+o.ID.String(), "/ivrs/office/"+o.ID.String())
	}
	for _, r := range s.routers() {
		id := r.ID.String()
		pages = append(pages, "/routers/"+id, "/routers/"+id+"/delete", "/ivrs/callrouter/"+id)
		// The target chooser is an htmx partial.
		mustStatus(t, s.b.HTMX(http.MethodGet, "/routers/"+id+"/targets", nil), http.StatusOK)
	}
	for _, p := range pages {
		mustStatus(t, s.b.Get(p), http.StatusOK)
	}

	t.Run("hours editor save", func(t *testing.T) {
		cc := s.callCenter("Sales")
		_, form := s.openForm(ccPath(cc), "hours-form")
		form.Set("ring_seconds", strconv.Itoa(int(cc.RingSeconds)+5))
		form["monday_hours"] = []string{"07:00", "12:00", "13:00", "19:00"}
		mustStatus(t, s.b.PostForm(ccPath(cc), form), http.StatusSeeOther)

		d := s.department("Finance")
		path := "/departments/" + d.ID.String()
		_, form = s.openForm(path, "hours-form")
		form.Set("name", "Finance and Billing")
		mustStatus(t, s.b.PostForm(path, form), http.StatusSeeOther)
	})

	t.Run("router create, save, reset, number, delete", func(t *testing.T) {
		res := s.b.PostForm("/routers", url.Values{
			"name":           {"Conformance Router"},
			"routing_url":    {"https://routing.example.com/conformance"},
			"default_target": {"callcenter:" + s.callCenter("Sales").ID.String()},
			"office_id":      {s.office("New York HQ").ID.String()},
			"enabled":        {"true"},
			"secret_action":  {"keep"},
		})
		mustStatus(t, res, http.StatusSeeOther)

		vip := s.router("VIP Customer Router")
		_, form := s.openRouter(vip.ID)
		form.Set("routing_url", "https://routing.example.com/vip2")
		mustStatus(t, s.b.PostForm("/routers/"+vip.ID.String(), form), http.StatusSeeOther)

		hotline := s.router("Carrier Hotline Router")
		mustStatus(t, s.b.PostForm("/routers/"+hotline.ID.String()+"/reset", url.Values{}), http.StatusSeeOther)
		mustStatus(t, s.b.PostForm("/routers/"+hotline.ID.String()+"/numbers", url.Values{"area_code": {"646"}}), http.StatusSeeOther)

		created := s.router("Conformance Router")
		mustStatus(t, s.b.PostForm("/routers/"+created.ID.String()+"/delete", url.Values{}), http.StatusSeeOther)
	})

	t.Run("IVR assign", func(t *testing.T) {
		japan := s.callCenter("Japan Support").ID
		koto := s.ivr(japan, "Koto hold music")
		_, form := s.openIVRs(japan)
		form.Set("HOLD_MUSIC", koto.ID.String())
		mustStatus(t, s.b.PostForm(ivrPath(japan), form), http.StatusSeeOther)
	})

	t.Run("hours bulk apply", func(t *testing.T) {
		targets := []string{
			"callcenter:" + s.callCenter("UK Sales").ID.String(),
			"department:" + s.department("Fleet Maintenance").ID.String(),
		}
		page := s.b.Get("/hours/bulk?" + url.Values{"target": targets}.Encode())
		mustStatus(t, page, http.StatusOK)
		form := weekForm(monToFri("08:30", "17:30"))
		form.Set("_base", sealedBase(t, page.Body))
		form["target"] = targets
		form.Set("action", "apply")
		mustStatus(t, s.b.PostForm("/hours/bulk", form), http.StatusOK)
	})
}
