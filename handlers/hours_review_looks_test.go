package handlers

import (
	"reflect"
	"testing"
	"time"

	"switchboard/dialpad"
)

// Shared looks draw exactly what drawing each row on its own did, the now
// tick included, and one row's tick never reaches another's.
func TestWeekLooksDrawLikeEachRowAlone(t *testing.T) {
	split := dialpad.WeekHours{HoursOn: true, MondayHours: []string{"08:00", "12:00", "14:00", "18:00"}, FridayHours: []string{"09:00", "17:00"}}
	tests := []struct {
		name  string
		week  dialpad.WeekHours
		local time.Time
	}{
		{"split shift on a Monday", split, time.Date(2026, time.March, 9, 10, 30, 0, 0, time.UTC)},
		{"same week on a Friday", split, time.Date(2026, time.March, 13, 16, 5, 0, 0, time.UTC)},
		{"24/7 on a Sunday", dialpad.WeekHours{}, time.Date(2026, time.March, 15, 23, 59, 0, 0, time.UTC)},
	}
	looks := weekLooks{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := withNowTick(looks.of(tt.week).bars, tt.local)
			if want := reviewWeekBars(tt.week, tt.local, true); !reflect.DeepEqual(got, want) {
				t.Errorf("shared look\n%+v\nwant\n%+v", got, want)
			}
			if want := hoursSummary(tt.week); !reflect.DeepEqual(looks.of(tt.week).summary, want) {
				t.Errorf("summary %q, want %q", looks.of(tt.week).summary, want)
			}
		})
	}
	if !reflect.DeepEqual(looks.of(split).bars, reviewWeekBars(split, time.Time{}, false)) {
		t.Error("a row's now tick changed the shared bars")
	}
}
