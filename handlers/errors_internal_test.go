package handlers

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// These call the handlers directly: no route leads a request here without
// the web layer's sign-in check, yet each must stand on its own.

func TestServerErrorHidesTheCause(t *testing.T) {
	var logs strings.Builder
	h := bareHandler(t, &logs)
	rec := httptest.NewRecorder()
	h.ServerError(rec, httptest.NewRequest(http.MethodGet, "/anything", nil), errSecretCause)
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "Something went wrong") {
		t.Errorf("got %d, want the generic 500 page", rec.Code)
	}
	if strings.Contains(body, errSecretCause.Error()) {
		t.Error("the cause reached the page")
	}
	if !strings.Contains(logs.String(), errSecretCause.Error()) {
		t.Error("the cause was not logged")
	}
}

type causeErr string

func (e causeErr) Error() string { return string(e) }

const errSecretCause = causeErr("database password rejected")

func TestNotFoundWorksSignedOut(t *testing.T) {
	rec := httptest.NewRecorder()
	bareHandler(t, io.Discard).NotFound(rec, httptest.NewRequest(http.MethodGet, "/no/such/page", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusNotFound {
		t.Errorf("status = %d, want 404", rec.Code)
	}
	for _, s := range []string{"Page not found", `href="/login"`, `href="/"`} {
		if !strings.Contains(body, s) {
			t.Errorf("404 page lacks %q", s)
		}
	}
	if strings.Contains(body, `data-testid="logout"`) {
		t.Error("signed-out page offers to log out")
	}
}

// Without an identity there is no Dialpad client to call: the page says
// to sign in.
func TestPagesNeedAnIdentity(t *testing.T) {
	h := bareHandler(t, io.Discard)
	for _, hf := range []http.HandlerFunc{h.Home, h.CallCenterList, h.DepartmentList, h.RouterList} {
		rec := httptest.NewRecorder()
		hf(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("signed out: status = %d, want 401", rec.Code)
		}
	}
}
