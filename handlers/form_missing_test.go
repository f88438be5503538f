package handlers_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/views"
)

// without is form as a post that lacks fields altogether: no value and no
// marker saying the form showed them.
func without(form url.Values, fields ...string) url.Values {
	out := clone(form)
	for _, f := range fields {
		out.Del(f)
	}
	out[views.FieldsMarker] = slices.DeleteFunc(out[views.FieldsMarker], func(f string) bool { return slices.Contains(fields, f) })
	return out
}

// emptied is form with fields left empty the way a browser posts them:
// no value (an unchecked box, a day with no times), the marker kept.
func emptied(form url.Values, fields ...string) url.Values {
	out := clone(form)
	for _, f := range fields {
		out.Del(f)
	}
	return out
}

func weekFields() []string {
	var out []string
	for _, d := range dialpad.Weekdays() {
		out = append(out, d.Field())
	}
	return out
}

// A field missing from a post is not an empty one: it changes nothing,
// on every form. Only a field the form showed and the person emptied
// (an unchecked box, a day with no times) is sent as empty.
func TestMissingFieldChangesNothing(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Support Tier 2")
	dep := s.department("Finance")
	cr := s.router("Shipment Status Lookup")
	sales := s.callCenter("Sales").ID
	jazz := s.ivr(sales, "Smooth jazz loop")

	type variant struct {
		name   string
		edit   func(url.Values) url.Values
		status int    // what the post answers
		patch  string // the one PATCH body sent, "" for none
	}
	missing := func(fields ...string) func(url.Values) url.Values {
		return func(f url.Values) url.Values { return without(f, fields...) }
	}
	empty := func(fields ...string) func(url.Values) url.Values {
		return func(f url.Values) url.Values { return emptied(f, fields...) }
	}
	editor := []variant{
		{"no name", missing("name"), http.StatusSeeOther, ""},
		{"no description", missing("group_description"), http.StatusSeeOther, ""},
		{"no ring time", missing("ring_seconds"), http.StatusSeeOther, ""},
		{"no hours_on", missing("hours_on"), http.StatusSeeOther, ""},
		{"no Monday", missing("monday_hours"), http.StatusSeeOther, ""},
		{"no day at all", missing(weekFields()...), http.StatusSeeOther, ""},
		{"Monday shown and emptied is closed", empty("monday_hours"), http.StatusSeeOther, `{"monday_hours":[]}`},
		{"hours_on shown and unticked is 24/7", empty("hours_on"), http.StatusSeeOther, `{"hours_on":false}`},
	}
	tests := []struct {
		name, path, form, patchPath string
		variants                    []variant
	}{
		{"call center", ccPath(cc), "hours-form", "/api/v2/callcenters/" + cc.ID.String(), editor},
		{"department", "/departments/" + dep.ID.String(), "hours-form", "/api/v2/departments/" + dep.ID.String(), editor},
		{"router", "/routers/" + cr.ID.String(), "router-form", "/api/v2/callrouters/" + cr.ID.String(), []variant{
			{"no name", missing("name"), http.StatusSeeOther, ""},
			{"no routing URL", missing("routing_url"), http.StatusSeeOther, ""},
			{"no default target", missing("default_target"), http.StatusSeeOther, ""},
			{"no office", missing("office_id"), http.StatusSeeOther, ""},
			{"no enabled", missing("enabled"), http.StatusSeeOther, ""},
			{"no secret choice", missing("secret_action", "secret"), http.StatusSeeOther, ""},
			{"enabled shown and unticked", empty("enabled"), http.StatusSeeOther, `{"enabled":false}`},
		}},
		{"recording", ivrPath(sales) + "/recordings/" + jazz.ID.String(), "ivr-rename-form", "", []variant{
			{"no name", missing("name"), http.StatusSeeOther, ""},
			{"no description", missing("description"), http.StatusSeeOther, ""},
		}},
		{"IVR assignments", ivrPath(sales), "ivr-form", "", []variant{
			{"no hold music", missing("HOLD_MUSIC"), http.StatusSeeOther, ""},
			{"no greeting", missing("GREETING"), http.StatusSeeOther, ""},
		}},
		{"bulk hours", "/hours/bulk?target=callcenter:" + cc.ID.String(), "bulk-form", "", []variant{
			{"no hours_on", missing("hours_on"), http.StatusUnprocessableEntity, ""},
			{"no Monday", missing("monday_hours"), http.StatusUnprocessableEntity, ""},
			{"no day at all", missing(weekFields()...), http.StatusUnprocessableEntity, ""},
		}},
	}
	for _, tt := range tests {
		for _, v := range tt.variants {
			t.Run(tt.name+"/"+v.name, func(t *testing.T) {
				s := s.in(t)
				_, form := s.openForm(tt.path, tt.form)
				post := tt.path
				if tt.name == "bulk hours" {
					post = "/hours/bulk"
				}
				s.Emulator.ResetRequests()
				res := s.b.PostForm(post, v.edit(form))
				if res.StatusCode != v.status {
					t.Fatalf("answered %d, want %d:\n%s", res.StatusCode, v.status, testText(res.Body, "form-problems"))
				}
				if v.patch == "" {
					s.nothingSent()
					return
				}
				s.onePatch(tt.patchPath, v.patch)
			})
		}
	}
}
