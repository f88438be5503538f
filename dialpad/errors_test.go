package dialpad

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

var sentinels = []error{ErrBadRequest, ErrUnauthorized, ErrForbidden, ErrNotFound, ErrRateLimited, ErrUpstream}

func TestErrorKinds(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		header     map[string]string
		body       string
		want       error
		wantMsg    string
		retryAfter time.Duration
	}{
		{name: "400 Dialpad body", status: 400, body: dialpadError(400, "ring_seconds must be between 10 and 45"),
			want: ErrBadRequest, wantMsg: "ring_seconds must be between 10 and 45"},
		{name: "401", status: 401, body: dialpadError(401, "invalid token"), want: ErrUnauthorized, wantMsg: "invalid token"},
		{name: "403", status: 403, body: dialpadError(403, "admin rights required"), want: ErrForbidden, wantMsg: "admin rights required"},
		{name: "404", status: 404, body: dialpadError(404, "call center not found"), want: ErrNotFound, wantMsg: "call center not found"},
		{name: "429 seconds", status: 429, header: map[string]string{"Retry-After": "300"},
			body: dialpadError(429, "rate limit exceeded"), want: ErrRateLimited, wantMsg: "rate limit exceeded", retryAfter: 5 * time.Minute},
		{name: "429 HTTP date", status: 429, header: map[string]string{"Retry-After": now.Add(90 * time.Second).Format(http.TimeFormat)},
			body: dialpadError(429, "slow down"), want: ErrRateLimited, wantMsg: "slow down", retryAfter: 90 * time.Second},
		{name: "429 date in the past", status: 429, header: map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)},
			body: dialpadError(429, "slow down"), want: ErrRateLimited, wantMsg: "slow down"},
		{name: "429 garbage header", status: 429, header: map[string]string{"Retry-After": "soon"},
			body: `{}`, want: ErrRateLimited, wantMsg: "Too Many Requests"},
		{name: "500 plain message", status: 500, body: `{"message":"backend exploded"}`, want: ErrUpstream, wantMsg: "backend exploded"},
		{name: "502 HTML page", status: 502, body: `<html><body>Bad gateway</body></html>`, want: ErrUpstream, wantMsg: "Bad Gateway"},
		{name: "503 flat error string", status: 503, body: `{"error":"maintenance"}`, want: ErrUpstream, wantMsg: "maintenance"},
		{name: "422 counts as bad request", status: 422, body: `{"error":{"message":"name too long"}}`, want: ErrBadRequest, wantMsg: "name too long"},
		{name: "long message is cut", status: 400, body: dialpadError(400, strings.Repeat("é", 400)),
			want: ErrBadRequest, wantMsg: strings.Repeat("é", maxMessageBytes/2) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				answer(w, tt.status, tt.body)
			})
			c := f.client()
			c.now = func() time.Time { return now }
			_, err := c.UpdateCallCenter(t.Context(), 123, map[string]int{"ring_seconds": 5})
			apiErr, ok := errors.AsType[*APIError](err)
			if !ok {
				t.Fatalf("error %v (%T), want *APIError", err, err)
			}
			if apiErr.StatusCode != tt.status || apiErr.Message != tt.wantMsg || apiErr.RetryAfter != tt.retryAfter {
				t.Errorf("got status %d message %q retry %v; want %d %q %v",
					apiErr.StatusCode, apiErr.Message, apiErr.RetryAfter, tt.status, tt.wantMsg, tt.retryAfter)
			}
			if apiErr.Method != "PATCH" || apiErr.Path != "/api/v2/callcenters/123" {
				t.Errorf("error names %s %s", apiErr.Method, apiErr.Path)
			}
			for _, s := range sentinels {
				if got := errors.Is(err, s); got != (s == tt.want) {
					t.Errorf("errors.Is(err, %v) = %v", s, got)
				}
			}
		})
	}
}

func TestAPIErrorString(t *testing.T) {
	e := &APIError{StatusCode: 400, Message: "ring_seconds must be between 10 and 45", Method: "PATCH", Path: "/api/v2/callcenters/123"}
	if got, want := e.Error(), "dialpad: PATCH /api/v2/callcenters/123: 400 ring_seconds must be between 10 and 45"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"0", 0},
		{"-5", 0},
		{" 7 ", 7 * time.Second},
		{"99999999999999", 24 * time.Hour},
		{now.Add(time.Minute).Format(http.TimeFormat), time.Minute},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0},
		{"tomorrow", 0},
	}
	for _, tt := range tests {
		if got := parseRetryAfter(tt.in, now); got != tt.want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
