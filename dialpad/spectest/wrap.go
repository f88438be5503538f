package spectest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
)

// Wrap returns next (the emulator) behind a validator that checks every
// exchange against the spec and, when the test ends, fails it with each
// violation seen (method, path, schema, message). A missing or unreadable
// spec fails the test at once: conformance is never skipped.
func Wrap(t testing.TB, next http.Handler) http.Handler {
	t.Helper()
	v, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	w := &wrapped{v: v, next: next}
	t.Cleanup(func() { w.report(t) })
	return w
}

type wrapped struct {
	v    *Validator
	next http.Handler

	mu         sync.Mutex
	violations []Violation
}

func (h *wrapped) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "spectest: reading the request: "+err.Error(), http.StatusBadRequest)
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := &recorder{ResponseWriter: w}
	h.next.ServeHTTP(rec, r)
	ex := Exchange{Request: r, RequestBody: body, Header: w.Header(), ResponseBody: rec.body.Bytes()}
	// Nothing written (the client went away, or the connection was
	// hijacked and dropped) is no answer to check.
	if !rec.hijacked && rec.code != 0 {
		ex.Status = rec.code
	}
	if vs := h.v.Check(ex); len(vs) > 0 {
		h.mu.Lock()
		h.violations = append(h.violations, vs...)
		h.mu.Unlock()
	}
}

// report fails t with each kind of violation once (the same field of every
// item of a list is one kind), saying how often it was seen.
func (h *wrapped) report(t testing.TB) {
	h.mu.Lock()
	defer h.mu.Unlock()
	var order []Violation
	count := map[Violation]int{}
	for _, v := range h.violations {
		k := v.kind()
		if count[k] == 0 {
			order = append(order, v)
		}
		count[k]++
	}
	for _, v := range order {
		times := ""
		if n := count[v.kind()]; n > 1 {
			times = fmt.Sprintf(" (%d times)", n)
		}
		t.Errorf("spectest: %s%s", v, times)
	}
}

// recorder passes the answer through and keeps a copy of it.
type recorder struct {
	http.ResponseWriter
	code     int
	body     bytes.Buffer
	hijacked bool
}

func (r *recorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	r.body.Write(p)
	return r.ResponseWriter.Write(p)
}

// Hijack lets the emulator drop connections (its Drop fault); such an
// exchange has no answer to check.
func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	r.hijacked = true
	return http.NewResponseController(r.ResponseWriter).Hijack()
}

func (r *recorder) Flush() { _ = http.NewResponseController(r.ResponseWriter).Flush() }

// Unwrap lets http.ResponseController reach the real writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
