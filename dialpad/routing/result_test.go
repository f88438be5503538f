package routing

import (
	"testing"
	"time"
)

func TestSummary(t *testing.T) {
	sales := &Answer{TargetID: 123, TargetType: TargetCallCenter}
	known := func(a Answer) (string, bool) {
		if a.TargetID == 123 && a.TargetType == TargetCallCenter {
			return "Sales", true
		}
		return "", false
	}
	nameless := func(Answer) (string, bool) { return "", true }
	tests := []struct {
		name     string
		result   Result
		describe func(Answer) (string, bool)
		want     string
		wantErr  bool
	}{
		{"routed", Result{Status: 200, Latency: 120 * time.Millisecond, Answer: sales}, known,
			"Would be routed to Sales (call center) in 120 ms.", false},
		{"routed, slow but in time", Result{Status: 200, Latency: 4870 * time.Millisecond, Answer: sales}, known,
			"Would be routed to Sales (call center) in 4870 ms.", false},
		{"target unknown", Result{Status: 200, Latency: 80 * time.Millisecond, Answer: &Answer{TargetID: 999, TargetType: TargetCallCenter}}, known,
			"Would count as a routing error: target call center 999 does not exist.", true},
		{"routed on loopback", Result{Status: 200, Latency: 400 * time.Microsecond, Answer: sales}, known,
			"Would be routed to Sales (call center) in under 1 ms.", false},
		{"no describer", Result{Status: 200, Latency: 3 * time.Millisecond, Answer: &Answer{TargetID: 42, TargetType: TargetUser}}, nil,
			"Would be routed to user 42 in 3 ms.", false},
		{"target without a name", Result{Status: 200, Latency: 3 * time.Millisecond, Answer: &Answer{TargetID: 42, TargetType: TargetDepartment}}, nameless,
			"Would be routed to department 42 in 3 ms.", false},
		{"timed out", Result{Latency: 5 * time.Second, Problem: "timed out after 5 s"}, known,
			"Would count as a routing error: timed out after 5 s.", true},
		{"server error", Result{Status: 500, Problem: "answered 500"}, known,
			"Would count as a routing error: answered 500.", true},
		{"empty result", Result{}, known,
			"Would count as a routing error: no answer.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.result.Summary(tt.describe); got != tt.want {
				t.Errorf("Summary = %q, want %q", got, tt.want)
			}
			checked := tt.result
			if tt.describe != nil {
				checked = checked.CheckTarget(tt.describe)
			}
			if checked.IsRoutingError() != tt.wantErr {
				t.Errorf("IsRoutingError after CheckTarget = %v, want %v (problem %q)", checked.IsRoutingError(), tt.wantErr, checked.Problem)
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{5 * time.Second, "5 s"},
		{50 * time.Millisecond, "50 ms"},
		{1500 * time.Millisecond, "1.5 s"},
	}
	for _, tt := range tests {
		if got := formatDuration(tt.d); got != tt.want {
			t.Errorf("formatDuration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestSamplePayload(t *testing.T) {
	now := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	p := SamplePayload(now, "+14155550100")
	if p.DateStarted != now.UnixMilli() {
		t.Errorf("DateStarted = %d, want %d", p.DateStarted, now.UnixMilli())
	}
	if len(p.CallID.String()) != 16 {
		t.Errorf("CallID = %s, want 16 digits like Dialpad's", p.CallID)
	}
	if p.InternalNumber != "+14155550100" || p.ExternalNumber == "" || p.ContactType == "" {
		t.Errorf("payload = %+v", p)
	}
	if SamplePayload(now.Add(time.Millisecond), "+14155550100").CallID == p.CallID {
		t.Error("two calls a millisecond apart share a call id")
	}
}
