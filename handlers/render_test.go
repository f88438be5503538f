package handlers

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

	"switchboard/static"
)

// testNow is a Wednesday: 15:00 in London, 11:00 in New York, midnight
// (Thursday) in Tokyo.
func testNow() time.Time { return time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC) }

// bareHandler is a Handler without Dialpad, for rendering tests.
func bareHandler(t *testing.T, logs io.Writer) *Handler {
	t.Helper()
	assets, err := static.New()
	if err != nil {
		t.Fatal(err)
	}
	return &Handler{Logger: slog.New(slog.NewTextHandler(logs, nil)), Assets: assets, Now: testNow}
}

func text(s string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	})
}

func TestRenderPicksPageOrPartial(t *testing.T) {
	tests := []struct {
		name    string
		headers map[string]string
		partial templ.Component
		want    string
	}{
		{"plain request", nil, text("PARTIAL"), "PAGE"},
		{"htmx request", map[string]string{"HX-Request": "true"}, text("PARTIAL"), "PARTIAL"},
		{"boosted link swaps the body", map[string]string{"HX-Request": "true", "HX-Boosted": "true"}, text("PARTIAL"), "PAGE"},
		{"history restore needs the page", map[string]string{"HX-Request": "true", "HX-History-Restore-Request": "true"}, text("PARTIAL"), "PAGE"},
		{"no partial given", map[string]string{"HX-Request": "true"}, nil, "PAGE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := bareHandler(t, io.Discard)
			req := httptest.NewRequest(http.MethodGet, "/x", nil)
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.Render(rec, req, http.StatusTeapot, text("PAGE"), tt.partial)
			if rec.Code != http.StatusTeapot || rec.Body.String() != tt.want {
				t.Errorf("got %d %q, want %d %q", rec.Code, rec.Body.String(), http.StatusTeapot, tt.want)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if v := rec.Header().Values("Vary"); !strings.Contains(strings.Join(v, ","), "HX-Request") {
				t.Errorf("Vary = %q, want HX-Request (one URL, two bodies)", v)
			}
		})
	}
}

func TestRenderFailureIsACleanServerError(t *testing.T) {
	var logs strings.Builder
	h := bareHandler(t, &logs)
	broken := templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, _ = io.WriteString(w, "<table><tr><td>half a page")
		return errors.New("template exploded at row 3")
	})
	rec := httptest.NewRecorder()
	h.Render(rec, httptest.NewRequest(http.MethodGet, "/callcenters", nil), http.StatusOK, broken, nil)

	body := rec.Body.String()
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", rec.Code)
	}
	if strings.Contains(body, "half a page") {
		t.Error("the partial output of the failed render reached the browser")
	}
	if strings.Contains(body, "exploded") {
		t.Error("the raw error reached the page")
	}
	if !strings.Contains(body, "Something went wrong") || !strings.Contains(body, "<html") {
		t.Errorf("want the generic error page in the layout, got %q", body)
	}
	if !strings.Contains(logs.String(), "template exploded at row 3") {
		t.Errorf("the cause was not logged: %q", logs.String())
	}
}
