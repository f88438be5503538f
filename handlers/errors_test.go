package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
)

func TestUpstreamFailuresBecomePlainPages(t *testing.T) {
	tests := []struct {
		name       string
		fault      emulator.Fault
		handler    func(*Handler) http.HandlerFunc
		target     string
		wantStatus int
		wantText   string
		wantRetry  string // Retry-After passed on; "" = none
	}{
		{
			name:       "503 on the list",
			fault:      emulator.Fault{Path: "/api/v2/callcenters", Status: 503, Message: "backend down"},
			handler:    func(h *Handler) http.HandlerFunc { return h.CallCenterList },
			target:     "/callcenters",
			wantStatus: http.StatusBadGateway,
			wantText:   "Dialpad is having trouble (503); nothing was changed. Try again.",
		},
		{
			name:       "429 with Retry-After",
			fault:      emulator.Fault{Path: "/api/v2/callrouters", Status: 429, Message: "slow down", RetryAfter: 42 * time.Second},
			handler:    func(h *Handler) http.HandlerFunc { return h.RouterList },
			target:     "/routers",
			wantStatus: http.StatusTooManyRequests,
			wantText:   "Dialpad is rate-limiting requests; try again in 42 seconds.",
			wantRetry:  "42",
		},
		{
			// A 403 on the company alone is expected (it needs a company
			// admin) and the overview goes on; on the lists it is the page's.
			name:       "403 on the offices",
			fault:      emulator.Fault{Path: "/api/v2/offices", Status: 403, Message: "nope"},
			handler:    func(h *Handler) http.HandlerFunc { return h.Home },
			target:     "/",
			wantStatus: http.StatusForbidden,
			wantText:   "You don&#39;t have permission to change this in Dialpad.",
		},
		{
			name:       "404 on the offices",
			fault:      emulator.Fault{Path: "/api/v2/offices", Status: 404, Message: "gone"},
			handler:    func(h *Handler) http.HandlerFunc { return h.DepartmentList },
			target:     "/departments",
			wantStatus: http.StatusNotFound,
			wantText:   "Dialpad couldn&#39;t find it — it may have been deleted.",
		},
		{
			name:       "dropped connection",
			fault:      emulator.Fault{Path: "/api/v2/departments*", Drop: true},
			handler:    func(h *Handler) http.HandlerFunc { return h.Home },
			target:     "/",
			wantStatus: http.StatusBadGateway,
			wantText:   "Couldn&#39;t reach Dialpad; nothing was changed. Try again.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.AdminUserID)
			f.fault(tt.fault)
			rec := f.get(tt.handler(f.h), tt.target)
			body := rec.Body.String()
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if !strings.Contains(body, tt.wantText) {
				t.Errorf("page lacks %q:\n%s", tt.wantText, body)
			}
			if got := rec.Header().Get("Retry-After"); got != tt.wantRetry {
				t.Errorf("Retry-After = %q, want %q", got, tt.wantRetry)
			}
			if strings.Contains(body, "/api/v2") || (tt.fault.Message != "" && strings.Contains(body, tt.fault.Message)) {
				t.Error("the raw Dialpad error reached the page")
			}
			if !strings.Contains(body, "<html") {
				t.Error("a plain request should get the whole error page")
			}
			f.assertNoSecrets(body)
		})
	}
}

func TestUpstreamTimeoutIs504(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	f.fault(emulator.Fault{Path: "/api/v2/callrouters", Timeout: true})
	// The request's own deadline stands in for Switchboard's upstream timeout.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/routers", nil)
	rec := f.do(f.h.RouterList, req, false)
	if rec.Code != http.StatusGatewayTimeout {
		t.Errorf("status = %d, want 504", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), "Dialpad did not answer in time; nothing was changed.") {
		t.Errorf("page lacks the timeout sentence:\n%s", rec.Body.String())
	}
}

func TestUpstreamErrorToHTMXIsAPanel(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	f.fault(emulator.Fault{Path: "/api/v2/callcenters", Status: 500})
	rec := f.get(f.h.CallCenterList, "/callcenters?q=x", "HX-Request", "true")
	body := rec.Body.String()
	if rec.Code != http.StatusBadGateway {
		t.Errorf("status = %d, want 502", rec.Code)
	}
	if strings.Contains(body, "<html") || !strings.Contains(body, `data-testid="error"`) {
		t.Errorf("want the bare error panel for htmx to swap in, got:\n%s", body)
	}
}

func TestBadRequestQuotesDialpad(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	f.fault(emulator.Fault{Path: "/api/v2/callcenters", Status: 400, Message: "name_search is too long"})
	rec := f.get(f.h.CallCenterList, "/callcenters?q=x")
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "Dialpad says: name_search is too long") {
		t.Errorf("got %d, want 400 quoting Dialpad:\n%s", rec.Code, rec.Body.String())
	}
}

func TestServerErrorHidesTheCause(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	failing := func(w http.ResponseWriter, r *http.Request) {
		f.h.ServerError(w, r, errSecretCause)
	}
	rec := f.get(failing, "/anything")
	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError || !strings.Contains(body, "Something went wrong") {
		t.Errorf("got %d, want the generic 500 page", rec.Code)
	}
	if strings.Contains(body, errSecretCause.Error()) {
		t.Error("the cause reached the page")
	}
	if !strings.Contains(f.logs.String(), errSecretCause.Error()) {
		t.Error("the cause was not logged")
	}
}

type causeErr string

func (e causeErr) Error() string { return string(e) }

const errSecretCause = causeErr("database password rejected")

func TestNotFoundWorksSignedOut(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	rec := f.do(f.h.NotFound, httptest.NewRequest(http.MethodGet, "/no/such/page", nil), true)
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

func TestPagesNeedAnIdentity(t *testing.T) {
	f := newFixture(t, emulator.AdminUserID)
	for _, hf := range []http.HandlerFunc{f.h.Home, f.h.CallCenterList, f.h.DepartmentList, f.h.RouterList} {
		rec := f.do(hf, httptest.NewRequest(http.MethodGet, "/", nil), true)
		if rec.Code != http.StatusUnauthorized {
			t.Errorf("signed out: status = %d, want 401", rec.Code)
		}
	}
	if n := len(f.emu.Requests()); n != 1 { // users/me from the fixture only
		t.Errorf("signed-out pages called Dialpad %d times", n-1)
	}
}
