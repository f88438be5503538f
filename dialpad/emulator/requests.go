package emulator

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"slices"
	"time"

	"switchboard/dialpad"
)

// Request is an API request the emulator received, for tests to assert on.
type Request struct {
	Method, Path, RawQuery string
	Body                   []byte
	UserID                 dialpad.ID // the token's user; 0 when the token is missing or unknown
	CompanyKey             bool       // sent with a company API key (UserID is then the key's admin)
}

// maxBody bounds request bodies: a 10 MB MP3 is about 13.4 MB in base64.
const maxBody = 16 << 20

// Requests returns every API request received (not /oauth2), oldest first.
func (e *Emulator) Requests() []Request {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]Request, len(e.requests))
	for i, r := range e.requests {
		r.Body = slices.Clone(r.Body)
		out[i] = r
	}
	return out
}

// ResetRequests forgets the recorded requests.
func (e *Emulator) ResetRequests() {
	e.mu.Lock()
	e.requests = nil
	e.mu.Unlock()
}

// record copies the body (and puts it back for the handler) and remembers
// the request; false when the body could not be read and r was answered.
func (e *Emulator) record(w http.ResponseWriter, r *http.Request) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	r.Body = io.NopCloser(bytes.NewReader(body))
	e.mu.Lock()
	e.requests = append(e.requests, Request{
		Method:     r.Method,
		Path:       r.URL.Path,
		RawQuery:   r.URL.RawQuery,
		Body:       body,
		UserID:     e.grants.owner(bearerToken(r)),
		CompanyKey: e.grants.isCompanyKey(bearerToken(r)),
	})
	e.mu.Unlock()
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeStatus(w, http.StatusRequestEntityTooLarge, "request body is larger than 16 MB", 0)
		} else {
			writeStatus(w, http.StatusBadRequest, "request body could not be read", 0)
		}
		return false
	}
	return true
}

// delay applies the configured latency; false when the client gave up.
func (e *Emulator) delay(r *http.Request) bool {
	e.mu.Lock()
	d := e.latency
	e.mu.Unlock()
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	}
}
