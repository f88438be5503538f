package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

func TestAccessGrantAndRevoke(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	london := s.office("London")

	page := s.b.Get("/access")
	mustStatus(t, page, http.StatusOK)
	if !strings.Contains(page.Body, `<option value="`+london.ID.String()+`">London</option>`) {
		t.Fatal("the office select does not offer London")
	}

	grants := []url.Values{
		{"email": {" Oliver@Example.com "}, "role": {"office_admin"}, "office_id": {london.ID.String()}},
		{"email": {"priya@example.com"}, "role": {"support"}},
	}
	for _, g := range grants {
		msg := s.flashAfter(s.b.PostForm("/access", g))
		if !strings.HasPrefix(msg, "Granted") {
			t.Errorf("flash %q", msg)
		}
	}
	list := s.b.Get("/access")
	rs := testRows(list.Body, "access-row")
	if len(rs) != 2 || !strings.Contains(list.Body, ">oliver@example.com<") || !strings.Contains(list.Body, ">London<") {
		t.Fatalf("the list does not show both grants with London:\n%s", strings.Join(rs, "\n"))
	}
	gs, err := db.Grants().List(t.Context())
	if err != nil || len(gs) != 2 {
		t.Fatalf("grants %v %v", gs, err)
	}

	// Revoke Priya's: one POST of that row's form.
	var revoke url.Values
	for _, r := range rs {
		if strings.Contains(r, "priya@example.com") {
			revoke = formValues(t, r)
		}
	}
	if msg := s.flashAfter(s.b.PostForm("/access/revoke", revoke)); !strings.HasPrefix(msg, "Revoked Support") {
		t.Errorf("flash %q", msg)
	}
	if gs, _ := db.Grants().List(t.Context()); len(gs) != 1 || gs[0].Email != "oliver@example.com" {
		t.Errorf("after the revoke: %v", gs)
	}

	// Every change is in the audit trail, by the admin, made locally.
	es := auditEntries(t, db)
	want := []audit.Change{{Field: "role", Old: "support"}, {Field: "role", New: "support"}, {Field: "role", New: "office_admin"}}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d:\n%s", len(es), len(want), describeEntries(es))
	}
	for i, e := range es {
		if e.Credential != audit.Local || e.Resource.Kind != audit.Grant || e.Actor.Email == "" || len(e.Changes) != 1 || e.Changes[0] != want[i] {
			t.Errorf("entry %d: %+v, want %+v", i, e, want[i])
		}
	}
	if es[2].Resource.ID != "oliver@example.com" || es[2].Resource.OfficeID != london.ID {
		t.Errorf("grant entry names %+v", es[2].Resource)
	}
}

func TestAccessGrantRejectsBadInput(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	london := s.office("London").ID.String()
	tests := []struct {
		name  string
		form  url.Values
		field string
	}{
		{"not an email", url.Values{"email": {"oliver"}, "role": {"viewer"}}, "email"},
		{"no role", url.Values{"email": {"oliver@example.com"}}, "role"},
		{"unknown role", url.Values{"email": {"oliver@example.com"}, "role": {"owner"}}, "role"},
		{"office admin without office", url.Values{"email": {"oliver@example.com"}, "role": {"office_admin"}}, "office_id"},
		{"viewer with an office", url.Values{"email": {"oliver@example.com"}, "role": {"viewer"}, "office_id": {london}}, "office_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.b.PostForm("/access", tt.form)
			mustStatus(t, res, http.StatusUnprocessableEntity)
			if testText(res.Body, "error-"+tt.field) == "" {
				t.Errorf("no message next to %s", tt.field)
			}
			kept := formOf(t, res.Body, "access-grant-form")
			if kept.Get("email") != tt.form.Get("email") || (tt.form.Get("office_id") != "" && kept.Get("office_id") != tt.form.Get("office_id")) {
				t.Errorf("input lost: %v", kept)
			}
			if r, err := access.ParseRole(tt.form.Get("role")); err == nil && kept.Get("role") != string(r) {
				t.Errorf("role not kept: %v", kept)
			}
		})
	}
	if gs, _ := db.Grants().List(t.Context()); len(gs) != 0 {
		t.Errorf("bad input granted %v", gs)
	}
	if es := auditEntries(t, db); len(es) != 0 {
		t.Errorf("bad input audited:\n%s", describeEntries(es))
	}
}

// formValues reads the hidden inputs of an HTML fragment.
func formValues(t *testing.T, fragment string) url.Values {
	t.Helper()
	v := url.Values{}
	for _, in := range strings.Split(fragment, "<input")[1:] {
		a := attributes(in[:strings.Index(in, ">")])
		v.Set(a["name"], a["value"])
	}
	return v
}
