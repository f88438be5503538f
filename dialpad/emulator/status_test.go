package emulator_test

import (
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// At testNow it is Wednesday 10:00 in New York, 15:00 in London and
// Thursday 00:00 in Tokyo.
func TestCallCenterStatusFollowsHoursInItsZone(t *testing.T) {
	tests := []struct {
		name    string
		advance time.Duration
		want    string
	}{
		{"Sales", 0, "open"},                                         // 09-17 New York
		{"Support Tier 2", 2 * time.Hour, "closed"},                  // 12:00 New York: lunch break
		{"Support Tier 2", 3 * time.Hour, "open"},                    // 13:00 New York
		{"Support Tier 1", 0, "open"},                                // 24/7
		{"Japan Sales", 0, "closed"},                                 // midnight in Tokyo
		{"EMEA Night Desk", 0, "closed"},                             // 15:00 London
		{"EMEA Night Desk", 8 * time.Hour, "open"},                   // 23:00 London
		{"Dispatch", 10 * time.Hour, "open"},                         // 20:00 New York, night shift
		{"Returns", 24 * time.Hour, "closed"},                        // Thursday: closed day
		{"UK Customer Care", 3*24*time.Hour - 4*time.Hour, "open"},   // Saturday 11:00 London: weekend hours
		{"UK Customer Care", 3*24*time.Hour + 2*time.Hour, "closed"}, // Saturday 17:00 London
		{"Billing", 3 * 24 * time.Hour, "closed"},                    // Saturday 10:00 New York
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			cc := f.callCenter(tt.name)
			f.clock.Advance(tt.advance)
			var st dialpad.CallCenterStatus
			f.decode(f.do("GET", path("/api/v2/callcenters/%s/status", cc.ID), f.admin(), nil), &st)
			if st.Availability.Status != tt.want {
				t.Fatalf("status = %q, want %q", st.Availability.Status, tt.want)
			}
			if tt.want == "open" && (st.OnDutyOperators < 1 || st.Capacity > st.OnDutyOperators) {
				t.Fatalf("implausible counts: %+v", st)
			}
			if tt.want == "closed" && st.OnDutyOperators != 0 {
				t.Fatalf("operators on duty while closed: %+v", st)
			}
			var again dialpad.CallCenter
			f.decode(f.do("GET", path("/api/v2/callcenters/%s", cc.ID), f.admin(), nil), &again)
			if again.AvailabilityStatus != tt.want {
				t.Fatalf("availability_status = %q, want %q", again.AvailabilityStatus, tt.want)
			}
		})
	}
}

// The emulator reads open-now itself: a range holds its opening minute and
// ends at its closing one, but a close of "23:59", the spec's end of day,
// runs through that last minute. Sales is in New York; at testNow it is
// Wednesday 10:00 there.
func TestOpenNowAtTheEdges(t *testing.T) {
	tests := []struct {
		name  string
		hours []string
		at    time.Duration // after Wednesday 00:00 New York
		want  string
	}{
		{"before opening", []string{"08:00", "12:00"}, 7*time.Hour + 59*time.Minute, "closed"},
		{"opening minute", []string{"08:00", "12:00"}, 8 * time.Hour, "open"},
		{"last minute before close", []string{"08:00", "12:00"}, 11*time.Hour + 59*time.Minute, "open"},
		{"closing minute", []string{"08:00", "12:00"}, 12 * time.Hour, "closed"},
		{"end of day 23:59", []string{"22:00", "23:59"}, 23*time.Hour + 59*time.Minute + 30*time.Second, "open"},
		{"whole day", []string{"00:00", "23:59"}, 0, "open"},
		{"second range", []string{"08:00", "12:00", "13:00", "17:00"}, 13*time.Hour + 30*time.Minute, "open"},
		{"between ranges", []string{"08:00", "12:00", "13:00", "17:00"}, 12*time.Hour + 30*time.Minute, "closed"},
		{"closed day", []string{}, 10 * time.Hour, "closed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			cc := f.callCenter("Sales")
			if err := f.emu.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) {
				c.HoursOn, c.WednesdayHours = true, tt.hours
			}); err != nil {
				t.Fatal(err)
			}
			f.clock.Advance(-10*time.Hour + tt.at) // testNow is 10:00 in New York
			var st dialpad.CallCenterStatus
			f.decode(f.do("GET", path("/api/v2/callcenters/%s/status", cc.ID), f.admin(), nil), &st)
			if st.Availability.Status != tt.want {
				t.Fatalf("status = %q, want %q", st.Availability.Status, tt.want)
			}
		})
	}
}
