package static

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAssetsServeHashedURLsWithLongCache(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	u := a.URL("vendor/htmx.min.js")
	if !strings.HasPrefix(u, Prefix+"vendor/htmx.min.") || u == Prefix+"vendor/htmx.min.js" {
		t.Fatalf("URL = %q, want a content-hashed path", u)
	}
	rec := httptest.NewRecorder()
	a.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, strings.TrimPrefix(u, "/static"), nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d", rec.Code)
	}
	if got := rec.Header().Get("Cache-Control"); !strings.Contains(got, "immutable") {
		t.Errorf("Cache-Control = %q, want immutable", got)
	}
	if !strings.Contains(rec.Body.String(), "htmx") {
		t.Error("body is not htmx")
	}
}

func TestAssetsUnknownPathIs404(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/vendor/htmx.min.js", "/css/nope.css", "/../static.go"} {
		rec := httptest.NewRecorder()
		a.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: status = %d, want 404 (only hashed names are served)", p, rec.Code)
		}
	}
}
