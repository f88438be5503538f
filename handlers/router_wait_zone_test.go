package handlers

import (
	"testing"
	"time"
)

// TestClockInNamesTheZone: a time of day shown without JavaScript always
// says which zone it is in, so nobody reads a Tokyo time as their own.
func TestClockInNamesTheZone(t *testing.T) {
	at := time.Date(2026, 11, 29, 10, 29, 0, 0, time.UTC)
	tests := []struct {
		tz, want string
	}{
		{"Asia/Tokyo", "19:29 JST"},
		{"America/New_York", "05:29 EST"},
		{"Europe/London", "10:29 GMT"},
		{"Asia/Dubai", "14:29 UTC+04"}, // the zone database has no letters for it
		{"Asia/Kathmandu", "16:14 UTC+05:45"},
		{"America/Noronha", "08:29 UTC-02"},
		{"", "10:29 UTC"},             // the person's zone is unknown
		{"Mars/Olympus", "10:29 UTC"}, // not a zone
	}
	for _, tt := range tests {
		if got := clockIn(at, tt.tz); got != tt.want {
			t.Errorf("clockIn(%s) = %q, want %q", tt.tz, got, tt.want)
		}
	}
}
