package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// Control characters and bytes that are not UTF-8 never reach Dialpad: the
// form comes back with 422, a plain message beside the field, and what was
// typed. A multi-line description may hold tabs and line breaks.
func TestTextMustBeText(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Support Tier 2")
	dep := s.department("Finance")
	cr := s.router("Shipment Status Lookup")
	sales := s.callCenter("Sales").ID
	jazz := s.ivr(sales, "Smooth jazz loop")

	type form struct {
		path, testID, errorPrefix string
	}
	editor := form{ccPath(cc), "hours-form", "error-"}
	department := form{"/departments/" + dep.ID.String(), "hours-form", "error-"}
	router := form{"/routers/" + cr.ID.String(), "router-form", "error-"}
	rename := form{ivrPath(sales) + "/recordings/" + jazz.ID.String(), "ivr-rename-form", "field-error-"}

	refused := []struct {
		name  string
		form  form
		field string
		value string
		want  string
	}{
		{"call center name with a bell", editor, "name", "Support\aTier 2", "control characters"},
		{"call center name with a tab", editor, "name", "Support\tTier 2", "control characters"},
		{"call center name not UTF-8", editor, "name", "Support \xff\xfe", "not valid UTF-8"},
		{"call center description with NUL", editor, "group_description", "Escalations\x00", "control characters"},
		{"call center description with ESC", editor, "group_description", "Escalations \x1b[31m", "control characters"},
		{"call center description not UTF-8", editor, "group_description", "Escalations \xc3\x28", "not valid UTF-8"},
		{"department name with a C1 control", department, "name", "Fin\u0085ance", "control characters"},
		{"department description not UTF-8", department, "group_description", "\xffAccounts", "not valid UTF-8"},
		{"router name with a tab", router, "name", "Shipment\tStatus", "control characters"},
		{"router name not UTF-8", router, "name", "Shipment \xff", "not valid UTF-8"},
		{"recording name with a tab", rename, "name", "Smooth\tjazz", "control characters"},
		{"recording name not UTF-8", rename, "name", "Smooth \xe2\x82", "not valid UTF-8"},
		{"recording description with a bell", rename, "description", "Licensed\a", "control characters"},
		{"call center name with a right-to-left override", editor, "name", "Support \u202eevil", "invisible formatting"},
		{"department name with a zero-width space", department, "name", "Fin\u200bance", "invisible formatting"},
		{"router name with a bidi isolate", router, "name", "Shipment \u2067Status\u2069", "invisible formatting"},
		{"recording description with a byte-order mark", rename, "description", "\ufeffLicensed", "invisible formatting"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			s := s.in(t)
			_, form := s.openForm(tt.form.path, tt.form.testID)
			s.Emulator.ResetRequests()
			res := s.b.PostForm(tt.form.path, with(form, tt.field, tt.value))
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("answered %d, want 422", res.StatusCode)
			}
			if msg := testText(res.Body, tt.form.errorPrefix+tt.field); !strings.Contains(msg, tt.want) {
				t.Errorf("message beside %s = %q, want it to say %q", tt.field, msg, tt.want)
			}
			if kept := formOf(t, res.Body, tt.form.testID).Get(tt.field); kept != tt.value {
				t.Errorf("%s came back as %q, want %q as typed", tt.field, kept, tt.value)
			}
			s.nothingSent()
		})
	}

	// Joiners and direction marks are part of real names (Persian, emoji
	// sequences): sent as typed.
	t.Run("name with a zero-width non-joiner", func(t *testing.T) {
		s := s.in(t)
		_, form := s.openForm(ccPath(cc), "hours-form")
		s.Emulator.ResetRequests()
		res := s.b.PostForm(ccPath(cc), with(form, "name", "\u0645\u06cc\u200c\u0634\u0648\u062f"))
		mustStatus(t, res, http.StatusSeeOther)
		s.onePatch("/api/v2/callcenters/"+cc.ID.String(), "{\"name\":\"\u0645\u06cc\u200c\u0634\u0648\u062f\"}")
	})

	// A textarea's tabs and line breaks are text: sent, line breaks as LF.
	t.Run("description with tabs and line breaks", func(t *testing.T) {
		s := s.in(t)
		_, form := s.openForm(ccPath(cc), "hours-form")
		s.Emulator.ResetRequests()
		res := s.b.PostForm(ccPath(cc), with(form, "group_description", "Escalations:\r\n\tfrom Tier 1\r\n\tlunch 12-13"))
		mustStatus(t, res, http.StatusSeeOther)
		s.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"group_description":"Escalations:\n\tfrom Tier 1\n\tlunch 12-13"}`)
	})
}
