package dialpad

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Sentinels for errors.Is. An *APIError matches the one its status maps to;
// network failures match ErrUpstream.
var (
	ErrBadRequest   = errors.New("dialpad: bad request")
	ErrUnauthorized = errors.New("dialpad: unauthorized")
	ErrForbidden    = errors.New("dialpad: forbidden")
	ErrNotFound     = errors.New("dialpad: not found")
	ErrRateLimited  = errors.New("dialpad: rate limited")
	ErrUpstream     = errors.New("dialpad: upstream failure")

	// ErrOutcomeUnknown marks a write that reached Dialpad without a
	// readable answer coming back: it timed out or the connection dropped
	// after the request was sent, Dialpad answered 5xx, or a 2xx body
	// could not be read. Dialpad may have applied it; read the resource
	// again to know. Never set for a 4xx or a request that was not sent.
	ErrOutcomeUnknown = errors.New("dialpad: the change may have been applied")
)

// maxMessageBytes bounds the message kept from an error body, so a server
// answering with a whole HTML page cannot flood logs and pages.
const maxMessageBytes = 300

// maxRetryAfterSeconds caps a Retry-After so a bogus header cannot overflow
// a time.Duration or park a caller for days.
const maxRetryAfterSeconds = 24 * 60 * 60

// APIError is a non-2xx answer from Dialpad. It never holds request headers,
// so it is safe to log and to show.
type APIError struct {
	StatusCode int
	Message    string        // Dialpad's message, or the status text
	RetryAfter time.Duration // from Retry-After, on 429 (and 503)
	Method     string
	Path       string // without the query string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("dialpad: %s %s: %d %s", e.Method, e.Path, e.StatusCode, e.Message)
}

// Is maps the status code to the package sentinels.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrBadRequest:
		return e.StatusCode == http.StatusBadRequest || e.StatusCode == http.StatusUnprocessableEntity
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrUpstream:
		return e.StatusCode >= 500
	case ErrOutcomeUnknown:
		// A 5xx may come after the change was made (or from a gateway
		// in front of Dialpad): only a read can tell.
		return e.StatusCode >= 500 && isWrite(e.Method)
	}
	return false
}

// newAPIError builds the error for a non-2xx response from its body and
// headers. now is the clock for an HTTP-date Retry-After.
func newAPIError(method, path string, status int, h http.Header, body []byte, now time.Time) *APIError {
	return &APIError{
		StatusCode: status,
		Message:    errorMessage(status, body),
		RetryAfter: parseRetryAfter(h.Get("Retry-After"), now),
		Method:     method,
		Path:       path,
	}
}

// errorMessage reads Dialpad's {"error":{"message":...}}, then a plain
// {"message":...} or {"error":"..."}, and falls back to the status text.
func errorMessage(status int, body []byte) string {
	var b struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
	}
	msg := ""
	if json.Unmarshal(body, &b) == nil {
		var nested struct {
			Message string `json:"message"`
		}
		var flat string
		switch {
		case json.Unmarshal(b.Error, &nested) == nil && nested.Message != "":
			msg = nested.Message
		case json.Unmarshal(b.Error, &flat) == nil && flat != "":
			msg = flat
		default:
			msg = b.Message
		}
	}
	msg = strings.TrimSpace(msg)
	if msg == "" {
		msg = http.StatusText(status)
	}
	return truncate(msg, maxMessageBytes)
}

// parseRetryAfter reads delay-seconds or an HTTP date; anything else, or a
// date in the past, gives 0.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.Duration(min(max(secs, 0), maxRetryAfterSeconds)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// truncate cuts s to at most n bytes without splitting a rune.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
