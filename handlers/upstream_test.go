package handlers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
)

// timeoutErr is a network error that timed out, as net/http reports it.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func apiErr(status int, msg string, retry time.Duration) error {
	return fmt.Errorf("loading: %w", &dialpad.APIError{
		StatusCode: status, Message: msg, RetryAfter: retry,
		Method: http.MethodGet, Path: "/api/v2/callcenters/123",
	})
}

func TestUpstreamMessage(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		wantMsg    string
		wantStatus int
		wantOK     bool
	}{
		{"bad request", apiErr(400, "ring_seconds must be between 10 and 45", 0),
			"Dialpad says: ring_seconds must be between 10 and 45", 400, true},
		{"unauthorized", apiErr(401, "invalid token", 0),
			"Dialpad no longer accepts your sign-in. Sign in again to carry on.", 401, true},
		{"forbidden", apiErr(403, "not an admin", 0),
			"You don't have permission to change this in Dialpad.", 403, true},
		{"not found", apiErr(404, "no such call center", 0),
			"Dialpad couldn't find it — it may have been deleted.", 404, true},
		{"rate limited", apiErr(429, "slow down", 42*time.Second),
			"Dialpad is rate-limiting requests; try again in 42 seconds.", 429, true},
		{"rate limited, part second rounds up", apiErr(429, "slow down", 300*time.Millisecond),
			"Dialpad is rate-limiting requests; try again in 1 second.", 429, true},
		{"rate limited without a hint", apiErr(429, "slow down", 0),
			"Dialpad is rate-limiting requests; try again in a few seconds.", 429, true},
		{"server error", apiErr(500, "boom", 0),
			"Dialpad is having trouble (500); nothing was changed. Try again.", 502, true},
		{"unavailable", apiErr(503, "maintenance", 0),
			"Dialpad is having trouble (503); nothing was changed. Try again.", 502, true},
		{"deadline", fmt.Errorf("dialpad: GET /api/v2/company: %w", context.DeadlineExceeded),
			"Dialpad did not answer in time; nothing was changed. Try again in a moment.", 504, true},
		{"network timeout", fmt.Errorf("dialpad: GET /x: %w: %w", dialpad.ErrUpstream, timeoutErr{}),
			"Dialpad did not answer in time; nothing was changed. Try again in a moment.", 504, true},
		{"write answered 5xx", fmt.Errorf("saving: %w", &dialpad.APIError{StatusCode: 503, Message: "boom", Method: http.MethodPatch, Path: "/x"}),
			"Dialpad answered with an error (503), so Switchboard cannot tell whether your change was saved: Dialpad may have applied it. Check what Dialpad has now before trying again.", 502, true},
		{"write timed out", fmt.Errorf("dialpad: PATCH /x: %w (%w)", context.DeadlineExceeded, dialpad.ErrOutcomeUnknown),
			"Dialpad did not answer in time, so Switchboard cannot tell whether your change was saved: Dialpad may have applied it. Check what Dialpad has now before trying again.", 504, true},
		{"write dropped", fmt.Errorf("dialpad: PATCH /x: %w: %w (%w)", dialpad.ErrUpstream, io.EOF, dialpad.ErrOutcomeUnknown),
			"Dialpad's answer was lost, so Switchboard cannot tell whether your change was saved: Dialpad may have applied it. Check what Dialpad has now before trying again.", 502, true},
		{"connection dropped", fmt.Errorf("dialpad: GET /x: %w: %w", dialpad.ErrUpstream, io.EOF),
			"Couldn't reach Dialpad; nothing was changed. Try again.", 502, true},
		{"not from dialpad", errors.New("template exploded"),
			"Something went wrong. Try again in a moment.", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UpstreamMessage(tt.err); got != tt.wantMsg {
				t.Errorf("UpstreamMessage = %q, want %q", got, tt.wantMsg)
			}
			p, ok := classifyUpstream(tt.err)
			if ok != tt.wantOK || (ok && p.status != tt.wantStatus) {
				t.Errorf("classify = (%d, %v), want (%d, %v)", p.status, ok, tt.wantStatus, tt.wantOK)
			}
			if strings.Contains(UpstreamMessage(tt.err), "/api/v2") {
				t.Error("message repeats the raw error")
			}
		})
	}
}
