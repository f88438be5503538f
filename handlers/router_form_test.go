package handlers

import (
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
)

func TestCheckRoutingURL(t *testing.T) {
	tests := []struct {
		url  string
		want string // a part of the message; "" for a valid URL
	}{
		{"https://routing.example.com/dialpad", ""},
		{"https://routing.example.com:8443/x?team=7", ""},
		{"http://localhost:8080/route", ""},
		{"http://demo.localhost/route", ""},
		{"http://127.0.0.1:35381/1/route", ""},
		{"http://[::1]:9000/route", ""},
		{"http://routing.example.com/route", "Plain http:// is only allowed"},
		{"http://localhost.example.com/route", "Plain http:// is only allowed"},
		{"http://10.0.0.5/route", "Plain http:// is only allowed"},
		{"ftp://routing.example.com/", "must start with https://"},
		{"routing.example.com/route", "Enter a full URL"},
		{"https:///route", "Enter a full URL"},
		{"https://routing.example.com/a b", "Enter a full URL"},
		{"", "Enter the routing URL"},
		{"https://example.com/" + strings.Repeat("x", maxRoutingURL), "under 2048 characters"},
	}
	for _, tt := range tests {
		got := checkRoutingURL(tt.url)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("checkRoutingURL(%.40q) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestCheckSecret(t *testing.T) {
	tests := []struct {
		secret string
		want   string // a part of the message; "" for a valid secret
	}{
		{strings.Repeat("a", 32), ""},
		{strings.Repeat("é", 32), ""}, // characters, not bytes
		{strings.Repeat("a", 31), "at least 32 characters; this one has 31"},
		{"", "Paste your secret"},
		{strings.Repeat("a", maxRouterSecret+1), "512 characters or fewer"},
		{strings.Repeat("a", 32) + "\n", "fit on one line"},
		{" " + strings.Repeat("a", 32), "starts or ends with a space"},
	}
	for _, tt := range tests {
		got := checkSecret(tt.secret)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("checkSecret(%d chars) = %q, want %q", len(tt.secret), got, tt.want)
		}
		if tt.secret != "" && strings.Contains(got, tt.secret) {
			t.Errorf("the message repeats the secret: %q", got)
		}
	}
}

func TestGenerateSecret(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		s := generateSecret()
		if checkSecret(s) != "" || len(s) < 43 {
			t.Fatalf("generated %q: %s", s, checkSecret(s))
		}
		if seen[s] {
			t.Fatal("the same secret came twice")
		}
		seen[s] = true
	}
}

// The console remembers when each router may change next: five minutes
// after a change, or what Dialpad's 429 said.
func TestRouterChanges(t *testing.T) {
	var c routerChanges
	now := time.Date(2026, 3, 11, 15, 0, 0, 0, time.UTC)
	const a, b dialpad.ID = 1, 2
	if _, wait := c.nextChange(a, now); wait {
		t.Fatal("a router nobody changed has a wait")
	}
	c.changed(a, now)
	c.rateLimited(b, now, 90*time.Second)
	tests := []struct {
		id   dialpad.ID
		at   time.Duration // after now
		want time.Duration // the wait left; 0 for none
	}{
		{a, 0, 5 * time.Minute},
		{a, 4 * time.Minute, time.Minute},
		{a, 5 * time.Minute, 0},
		{b, 0, 90 * time.Second},
		{b, 2 * time.Minute, 0},
	}
	for _, tt := range tests {
		at := now.Add(tt.at)
		next, wait := c.nextChange(tt.id, at)
		if got := next.Sub(at); wait != (tt.want > 0) || wait && got != tt.want {
			t.Errorf("router %d at +%v: wait %v (%v), want %v", tt.id, tt.at, got, wait, tt.want)
		}
	}
	// A 429 without Retry-After assumes the full five minutes.
	c.rateLimited(b, now, 0)
	if next, _ := c.nextChange(b, now); next.Sub(now) != 5*time.Minute {
		t.Errorf("429 without Retry-After: wait %v, want 5m", next.Sub(now))
	}
}

func TestWaitWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		300 * time.Millisecond:      "in 1 s",
		40 * time.Second:            "in 40 s",
		time.Minute:                 "in 1 min",
		4*time.Minute + time.Second: "in 5 min",
	} {
		if got := waitWords(d); got != want {
			t.Errorf("waitWords(%v) = %q, want %q", d, got, want)
		}
	}
}
