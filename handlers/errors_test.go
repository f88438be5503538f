package handlers_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

func TestUpstreamFailuresBecomePlainPages(t *testing.T) {
	tests := []struct {
		name       string
		fault      emulator.Fault
		target     string
		wantStatus int
		wantText   string
		wantRetry  string // Retry-After passed on; "" = none
	}{
		{
			name:       "503 on the list",
			fault:      emulator.Fault{Path: "/api/v2/callcenters", Status: 503, Message: "backend down"},
			target:     "/callcenters",
			wantStatus: http.StatusBadGateway,
			wantText:   "Dialpad is having trouble (503); nothing was changed. Try again.",
		},
		{
			name:       "429 with Retry-After",
			fault:      emulator.Fault{Path: "/api/v2/callrouters", Status: 429, Message: "slow down", RetryAfter: 42 * time.Second},
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
			target:     "/",
			wantStatus: http.StatusForbidden,
			wantText:   "You don&#39;t have permission to change this in Dialpad.",
		},
		{
			name:       "404 on the offices",
			fault:      emulator.Fault{Path: "/api/v2/offices", Status: 404, Message: "gone"},
			target:     "/departments",
			wantStatus: http.StatusNotFound,
			wantText:   "Dialpad couldn&#39;t find it — it may have been deleted.",
		},
		{
			name:       "dropped connection",
			fault:      emulator.Fault{Path: "/api/v2/departments*", Drop: true},
			target:     "/",
			wantStatus: http.StatusBadGateway,
			wantText:   "Couldn&#39;t reach Dialpad; nothing was changed. Try again.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := signedIn(t, emulator.AdminUserID)
			s.fault(tt.fault)
			res := s.b.Get(tt.target)
			body := res.Body
			if res.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if !strings.Contains(body, tt.wantText) {
				t.Errorf("page lacks %q:\n%s", tt.wantText, body)
			}
			if got := res.Header.Get("Retry-After"); got != tt.wantRetry {
				t.Errorf("Retry-After = %q, want %q", got, tt.wantRetry)
			}
			if strings.Contains(body, "/api/v2") || (tt.fault.Message != "" && strings.Contains(body, tt.fault.Message)) {
				t.Error("the raw Dialpad error reached the page")
			}
			if !strings.Contains(body, "<html") {
				t.Error("a plain request should get the whole error page")
			}
			s.assertNoSecrets(body)
		})
	}
}

func TestUpstreamTimeoutIs504(t *testing.T) {
	// A short page deadline; the emulator's hang is real.
	s := signedIn(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) { c.DialpadDeadline = 300 * time.Millisecond }))
	s.fault(emulator.Fault{Path: "/api/v2/callrouters", Timeout: true})
	res := s.b.Get("/routers")
	if res.StatusCode != http.StatusGatewayTimeout {
		t.Errorf("status = %d, want 504", res.StatusCode)
	}
	if !strings.Contains(res.Body, "Dialpad did not answer in time; nothing was changed.") {
		t.Errorf("page lacks the timeout sentence:\n%s", res.Body)
	}
}

func TestUpstreamErrorToHTMXIsAPanel(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	s.fault(emulator.Fault{Path: "/api/v2/callcenters", Status: 500})
	res := s.b.HTMX(http.MethodGet, "/callcenters?q=x", nil)
	body := res.Body
	if res.StatusCode != http.StatusBadGateway {
		t.Errorf("status = %d, want 502", res.StatusCode)
	}
	if strings.Contains(body, "<html") || !strings.Contains(body, `data-testid="error"`) {
		t.Errorf("want the bare error panel for htmx to swap in, got:\n%s", body)
	}
}

func TestBadRequestQuotesDialpad(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	s.fault(emulator.Fault{Path: "/api/v2/callcenters", Status: 400, Message: "name_search is too long"})
	res := s.b.Get("/callcenters?q=x")
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(res.Body, "Dialpad says: name_search is too long") {
		t.Errorf("got %d, want 400 quoting Dialpad:\n%s", res.StatusCode, res.Body)
	}
}
