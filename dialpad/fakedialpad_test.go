package dialpad

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// seen is one request as the fake server received it.
type seen struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   string
}

// fakeDialpad is an httptest server that records requests and answers with
// the handler a test gives it.
type fakeDialpad struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

func newFake(t *testing.T, h http.HandlerFunc) *fakeDialpad {
	t.Helper()
	f := &fakeDialpad{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.reqs = append(f.reqs, seen{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(body)})
		f.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeDialpad) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

// client returns a Client for the fake with a 1ms retry backoff, so tests
// that fail reads on purpose do not wait production's.
func (f *fakeDialpad) client(opts ...Option) *Client {
	c := New(f.URL, opts...)
	c.backoff = time.Millisecond
	return c
}

// answer writes a JSON body with status.
func answer(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// dialpadError is Dialpad's error body.
func dialpadError(status int, msg string) string {
	return `{"error":{"code":` + itoa(status) + `,"message":"` + msg + `","errors":[{"domain":"global","reason":"x","message":"` + msg + `"}]}}`
}

func itoa(n int) string { return ID(n).String() }
