package dialpad_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// A write whose answer is lost may have been applied: the client says so
// (ErrOutcomeUnknown) for exactly the failures that leave it open, and the
// emulator's faults show the change really landed while the client heard
// nothing usable.
func TestWriteOutcomeUnknown(t *testing.T) {
	tests := []struct {
		name        string
		fault       emulator.Fault
		wantUnknown bool
		wantApplied bool
	}{
		{"timeout after applying", emulator.Fault{Method: "PATCH", Timeout: true, Applied: true}, true, true},
		{"dropped after applying", emulator.Fault{Method: "PATCH", Drop: true, Applied: true}, true, true},
		{"unreadable 2xx body", emulator.Fault{Method: "PATCH", Garbled: true}, true, true},
		{"5xx after applying", emulator.Fault{Method: "PATCH", Status: 502, Applied: true}, true, true},
		{"5xx", emulator.Fault{Method: "PATCH", Status: 503}, true, false},
		{"400 is a refusal", emulator.Fault{Method: "PATCH", Status: 400, Message: "ring_seconds is invalid"}, false, false},
		{"403 is a refusal", emulator.Fault{Method: "PATCH", Status: 403}, false, false},
		{"429 is a refusal", emulator.Fault{Method: "PATCH", Status: 429, RetryAfter: time.Second}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			emu := emulator.New(emulator.Options{CompanyRPS: -1})
			c := clientAs(t, emu, emulator.AdminUserID)
			ccs, err := c.CallCenters(t.Context(), dialpad.ListFilter{})
			if err != nil {
				t.Fatal(err)
			}
			cc := ccs[0]
			want := dialpad.Int(cc.RingSeconds + 1)
			emu.InjectFault(tt.fault)
			// The deadline ends the timeout fault's hang: a real timeout.
			ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
			defer cancel()
			_, err = c.UpdateCallCenter(ctx, cc.ID, dialpad.Patch{"ring_seconds": want})
			if err == nil {
				t.Fatal("the write succeeded, want a failure")
			}
			if got := errors.Is(err, dialpad.ErrOutcomeUnknown); got != tt.wantUnknown {
				t.Fatalf("errors.Is(%v, ErrOutcomeUnknown) = %v, want %v", err, got, tt.wantUnknown)
			}
			after, err := clientAs(t, emu, emulator.AdminUserID).CallCenter(t.Context(), cc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if applied := after.RingSeconds == want; applied != tt.wantApplied {
				t.Errorf("ring_seconds now %d (was %d): applied = %v, want %v", after.RingSeconds, cc.RingSeconds, applied, tt.wantApplied)
			}
		})
	}
}

// A write that never left (nobody listening) cannot have been applied, and
// reads are never "outcome unknown": there is nothing to apply.
func TestOutcomeKnownWhenNothingWasSent(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // connection refused from now on
	c := dialpad.New(url, dialpad.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "t"})))
	_, err := c.UpdateCallCenter(t.Context(), 7, dialpad.Patch{"name": "x"})
	if err == nil || errors.Is(err, dialpad.ErrOutcomeUnknown) {
		t.Fatalf("refused connection: err = %v, want a failure that is not ErrOutcomeUnknown", err)
	}

	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	emu.InjectFault(emulator.Fault{Method: "GET", Drop: true})
	_, err = clientAs(t, emu, emulator.AdminUserID).Offices(t.Context())
	if err == nil || errors.Is(err, dialpad.ErrOutcomeUnknown) {
		t.Fatalf("dropped read: err = %v, want a failure that is not ErrOutcomeUnknown", err)
	}
}
