package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// A flash set by a save shows on the next full page, once; an htmx
// fragment in between neither shows it nor uses it up.
func TestFlashShowsOnceOnAFullPage(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Support Tier 2")
	_, form := s.openForm(ccPath(cc), "hours-form")
	res := s.b.PostForm(ccPath(cc), with(form, "name", cc.Name+" (days)"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save answered %d, want 303:\n%s", res.StatusCode, res.Body)
	}

	if msg := testText(s.b.HTMX(http.MethodGet, "/", nil).Body, "flash"); msg != "" {
		t.Errorf("an htmx fragment showed the flash %q", msg)
	}
	if msg := testText(s.b.Get("/").Body, "flash"); !strings.HasPrefix(msg, "Saved") {
		t.Errorf("the next full page shows flash %q, want the save's (an htmx fragment must not use it up)", msg)
	}
	if msg := testText(s.b.Get("/").Body, "flash"); msg != "" {
		t.Errorf("the flash %q showed twice", msg)
	}
}
