package emulator

import (
	"bytes"
	"cmp"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Fault makes the emulator misbehave on matching requests, so tests can
// prove how the console copes when Dialpad fails.
type Fault struct {
	Method     string        // "" = any
	Path       string        // exact path like "/api/v2/callcenters/123", or a prefix ending in "*"; "" = any
	Status     int           // answer this status with a Dialpad error body (e.g. 400, 403, 404, 429, 500, 503)
	Message    string        // error message for Status
	RetryAfter time.Duration // Retry-After header on 429
	Timeout    bool          // never answer: block until the request context ends
	Drop       bool          // hijack and close the connection without answering
	// Applied runs the request for real first, then fails as above: the
	// change is made and its answer lost, as when Dialpad applies a write
	// and the connection drops or a gateway times out.
	Applied bool
	// Garbled runs the request for real and answers its status with the
	// body cut in half, so a 2xx cannot be decoded.
	Garbled bool
	Times   int // how many requests it hits; 0 = until cleared
}

type activeFault struct {
	Fault
	left    int           // requests still to hit when Times > 0
	cleared chan struct{} // closed by the clear func; releases Timeout requests
}

func (f *Fault) matches(r *http.Request) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, r.Method) {
		return false
	}
	if prefix, ok := strings.CutSuffix(f.Path, "*"); ok {
		return strings.HasPrefix(r.URL.Path, prefix)
	}
	return f.Path == "" || f.Path == r.URL.Path
}

// InjectFault adds a fault; the newest matching fault wins. The returned
// func removes it (and answers 504 to requests a Timeout fault still holds,
// so a test server can always shut down); calling it twice is harmless.
func (e *Emulator) InjectFault(f Fault) (clear func()) {
	af := &activeFault{Fault: f, left: f.Times, cleared: make(chan struct{})}
	e.mu.Lock()
	e.faults = append(e.faults, af)
	e.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			e.mu.Lock()
			e.removeFault(af)
			e.mu.Unlock()
			close(af.cleared)
		})
	}
}

// SetLatency adds d to every API request (0 removes it).
func (e *Emulator) SetLatency(d time.Duration) {
	e.mu.Lock()
	e.latency = d
	e.mu.Unlock()
}

func (e *Emulator) removeFault(af *activeFault) {
	e.faults = slices.DeleteFunc(e.faults, func(x *activeFault) bool { return x == af })
}

// takeFault finds the fault for r and counts the hit.
func (e *Emulator) takeFault(r *http.Request) *activeFault {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i := len(e.faults) - 1; i >= 0; i-- {
		af := e.faults[i]
		if !af.matches(r) {
			continue
		}
		if af.Times > 0 {
			af.left--
			if af.left <= 0 {
				e.removeFault(af)
			}
		}
		return af
	}
	return nil
}

// applyFault answers r as the matching fault says; false when none matches.
func (e *Emulator) applyFault(w http.ResponseWriter, r *http.Request) bool {
	af := e.takeFault(r)
	if af == nil {
		return false
	}
	if af.Garbled {
		e.answerGarbled(w, r)
		return true
	}
	if af.Applied {
		var discard bufferedResponse
		e.handler.ServeHTTP(&discard, r)
	}
	switch {
	case af.Timeout:
		select {
		case <-r.Context().Done():
		case <-af.cleared:
			writeStatus(w, http.StatusGatewayTimeout, "emulator: timed-out request released", 0)
		}
	case af.Drop:
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(http.ErrAbortHandler) // cannot hijack (HTTP/2): abort the stream instead
		}
		_ = conn.Close()
	default:
		status := af.Status
		if status == 0 {
			status = http.StatusInternalServerError
		}
		writeStatus(w, status, af.Message, af.RetryAfter)
	}
	return true
}

// FaultHeader marks an answer the emulator broke on purpose, so a spec
// checker in the tests knows its body is not Dialpad's.
const FaultHeader = "X-Emulator-Fault"

// answerGarbled serves r for real and sends its status and headers with
// only the first half of its body.
func (e *Emulator) answerGarbled(w http.ResponseWriter, r *http.Request) {
	var res bufferedResponse
	e.handler.ServeHTTP(&res, r)
	maps.Copy(w.Header(), res.Header())
	w.Header().Del("Content-Length")
	w.Header().Set(FaultHeader, "garbled")
	w.WriteHeader(cmp.Or(res.status, http.StatusOK))
	b := res.body.Bytes()
	_, _ = w.Write(b[:len(b)/2])
}

// bufferedResponse keeps what a handler answered, for a fault to use or
// throw away.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header {
	if b.header == nil {
		b.header = http.Header{}
	}
	return b.header
}

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}
