package handlers

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

func TestFlashShowsOnceOnAFullPage(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	set := func(w http.ResponseWriter, r *http.Request) {
		f.h.Flash(r, "Hours saved for Sales")
		http.Redirect(w, r, "/", http.StatusSeeOther)
	}
	rec := f.get(set, "/save")
	cookies := rec.Result().Cookies()
	if len(cookies) == 0 {
		t.Fatal("no session cookie")
	}
	visit := func(headers ...string) string {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		return f.do(f.h.Home, req, false).Body.String()
	}
	const shown = `data-testid="flash">Hours saved for Sales<`
	if strings.Contains(visit("HX-Request", "true"), "Hours saved") {
		t.Error("an htmx fragment showed the flash")
	}
	if !strings.Contains(visit(), shown) {
		t.Error("the next full page did not show the flash (an htmx fragment must not use it up)")
	}
	if strings.Contains(visit(), "Hours saved") {
		t.Error("the flash showed twice")
	}
}
