package spectest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// recordingTB is a testing.TB that keeps what Wrap reports.
type recordingTB struct {
	testing.TB
	errors, logs []string
	cleanups     []func()
}

func (r *recordingTB) Helper()                   {}
func (r *recordingTB) Cleanup(fn func())         { r.cleanups = append(r.cleanups, fn) }
func (r *recordingTB) Errorf(f string, a ...any) { r.errors = append(r.errors, fmt.Sprintf(f, a...)) }
func (r *recordingTB) Logf(f string, a ...any)   { r.logs = append(r.logs, fmt.Sprintf(f, a...)) }

func (r *recordingTB) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

func TestWrapFailsTheTestWithEachViolation(t *testing.T) {
	office := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/oauth2/token":
			_, _ = w.Write([]byte(`{"access_token": "a", "expires_in": "3600"}`))
		default:
			_, _ = w.Write([]byte(`{"id": "1", "name": "London", "hours_on": true}`))
		}
	})
	tb := &recordingTB{TB: t}
	srv := httptest.NewServer(Wrap(tb, office))
	defer srv.Close()

	for range 2 {
		res, err := http.Get(srv.URL + "/api/v2/offices/1")
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
	}
	res, err := http.Post(srv.URL+"/oauth2/token", "application/x-www-form-urlencoded",
		strings.NewReader("grant_type=refresh_token&refresh_token=r"))
	if err != nil {
		t.Fatal(err)
	}
	_ = res.Body.Close()
	tb.end()

	want := []string{
		"GET /api/v2/offices/1: response does not match the spec (schemas.office.OfficeProto): /hours_on: the spec names no such field (2 times)",
		"POST /oauth2/token: request does not match the spec",
	}
	if len(tb.errors) != len(want) {
		t.Fatalf("errors = %q, want %d", tb.errors, len(want))
	}
	for i, w := range want {
		if !strings.Contains(tb.errors[i], w) {
			t.Errorf("error %d = %q, want %q", i, tb.errors[i], w)
		}
	}
}
