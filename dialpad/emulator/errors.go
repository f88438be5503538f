package emulator

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"
)

// apiError is an API failure answered with Dialpad's error body.
type apiError struct {
	status     int
	msg        string
	retryAfter time.Duration
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &apiError{status: http.StatusNotFound, msg: fmt.Sprintf(format, args...)}
}

func forbidden(format string, args ...any) error {
	return &apiError{status: http.StatusForbidden, msg: fmt.Sprintf(format, args...)}
}

func unauthorized(msg string) error {
	return &apiError{status: http.StatusUnauthorized, msg: msg}
}

func rateLimited(msg string, retryAfter time.Duration) error {
	return &apiError{status: http.StatusTooManyRequests, msg: msg, retryAfter: retryAfter}
}

// errorBody is Dialpad's (Google-style) error envelope.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    int           `json:"code"`
	Message string        `json:"message"`
	Errors  []errorReason `json:"errors"`
}

type errorReason struct {
	Domain  string `json:"domain"`
	Reason  string `json:"reason"`
	Message string `json:"message"`
}

// reason is the reason code Dialpad's error bodies carry for a status.
func reason(status int) string {
	switch status {
	case http.StatusBadRequest:
		return "badRequest"
	case http.StatusUnauthorized:
		return "required"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusNotFound:
		return "notFound"
	case http.StatusMethodNotAllowed:
		return "methodNotAllowed"
	case http.StatusRequestEntityTooLarge:
		return "requestTooLarge"
	case http.StatusTooManyRequests:
		return "rateLimitExceeded"
	}
	if status >= 500 {
		return "backendError"
	}
	return "error"
}

// writeError answers err with Dialpad's error body; errors that are not
// apiErrors become a 500.
func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = &apiError{status: http.StatusInternalServerError, msg: "internal error"}
	}
	writeStatus(w, ae.status, ae.msg, ae.retryAfter)
}

func writeStatus(w http.ResponseWriter, status int, msg string, retryAfter time.Duration) {
	if msg == "" {
		msg = http.StatusText(status)
	}
	if retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
	}
	body := errorBody{Error: errorDetail{
		Code:    status,
		Message: msg,
		Errors:  []errorReason{{Domain: "global", Reason: reason(status), Message: msg}},
	}}
	writeJSON(w, status, mustMarshal(body))
}
