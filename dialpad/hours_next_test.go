package dialpad

import (
	"testing"
	"time"
)

func TestStateAt(t *testing.T) {
	// 2026-11-30 is a Monday.
	at := func(day int, hhmm string) time.Time {
		m, err := ParseClock(hhmm)
		if err != nil {
			t.Fatal(err)
		}
		return time.Date(2026, 11, 30+day, m/60, m%60, 30, 0, time.UTC)
	}
	week := func(days map[Weekday][]string) WeekHours {
		w := WeekHours{HoursOn: true}
		for d, h := range days {
			w.SetDay(d, h)
		}
		return w
	}
	nineToFive := []string{"09:00", "17:00"}
	officeWeek := week(map[Weekday][]string{Monday: nineToFive, Tuesday: nineToFive, Wednesday: nineToFive, Thursday: nineToFive, Friday: nineToFive})
	split := week(map[Weekday][]string{Monday: {"08:00", "12:00", "13:00", "17:00"}})
	// A night shift, as Dialpad holds it: split at midnight.
	nights := week(map[Weekday][]string{Monday: {"22:00", "23:59"}, Tuesday: {"00:00", "06:00"}})
	weekend := week(map[Weekday][]string{Sunday: {"20:00", "23:59"}, Monday: {"00:00", "02:00"}})
	allDays := WeekHours{HoursOn: true}
	for _, d := range Weekdays() {
		allDays.SetDay(d, []string{"00:00", "23:59"})
	}
	late := week(map[Weekday][]string{Monday: {"18:00", "23:59"}})

	tests := []struct {
		name string
		w    WeekHours
		t    time.Time
		want OpenState
	}{
		{"24/7: hours off", WeekHours{HoursOn: false, MondayHours: []string{"09:00", "17:00"}}, at(0, "03:00"), OpenState{Open: true, Steady: true}},
		{"no hours set", WeekHours{HoursOn: true}, at(2, "12:00"), OpenState{Steady: true}},
		{"only invalid pairs", week(map[Weekday][]string{Monday: {"17:00", "09:00"}}), at(0, "12:00"), OpenState{Steady: true}},
		{"every minute of the week", allDays, at(3, "23:59"), OpenState{Open: true, Steady: true}},
		{"before opening, later today", officeWeek, at(0, "07:15"), OpenState{InDays: 0, At: 9 * 60}},
		{"open, closes today", officeWeek, at(0, "09:00"), OpenState{Open: true, InDays: 0, At: 17 * 60}},
		{"closing minute is closed", officeWeek, at(0, "17:00"), OpenState{InDays: 1, At: 9 * 60}},
		{"Friday evening opens Monday", officeWeek, at(4, "18:00"), OpenState{InDays: 3, At: 9 * 60}},
		{"across the week end: Sunday opens Monday", officeWeek, at(6, "10:00"), OpenState{InDays: 1, At: 9 * 60}},
		{"split shift: at lunch opens 13:00", split, at(0, "12:30"), OpenState{InDays: 0, At: 13 * 60}},
		{"split shift: morning closes 12:00", split, at(0, "11:59"), OpenState{Open: true, InDays: 0, At: 12 * 60}},
		{"one day a week: after it, a week on", split, at(0, "17:30"), OpenState{InDays: 7, At: 8 * 60}},
		{"across midnight: open Monday night closes Tuesday 06:00", nights, at(0, "23:30"), OpenState{Open: true, InDays: 1, At: 6 * 60}},
		{"across midnight: Tuesday 01:00 closes 06:00", nights, at(1, "01:00"), OpenState{Open: true, InDays: 0, At: 6 * 60}},
		{"across the week end: Sunday night closes Monday 02:00", weekend, at(6, "21:00"), OpenState{Open: true, InDays: 1, At: 2 * 60}},
		{"across the week end: Monday 01:00 closes 02:00", weekend, at(0, "01:00"), OpenState{Open: true, InDays: 0, At: 2 * 60}},
		{"across the week end: Monday 03:00 opens Sunday 20:00", weekend, at(0, "03:00"), OpenState{InDays: 6, At: 20 * 60}},
		{"open to the end of the day: closes 23:59", late, at(0, "19:00"), OpenState{Open: true, InDays: 0, At: EndOfDay}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.w.StateAt(tc.t)
			if got != tc.want {
				t.Errorf("StateAt(%s) = %+v, want %+v", tc.t.Format("Mon 15:04"), got, tc.want)
			}
			if got.Open != tc.w.OpenAt(tc.t) {
				t.Errorf("StateAt says open=%v, OpenAt says %v", got.Open, !got.Open)
			}
		})
	}
}
