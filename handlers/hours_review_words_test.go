package handlers

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// A line may wrap between ranges, never inside one ("09:00–" / "17:00")
// nor inside a run of days; the words themselves are unchanged.
func TestKeepTogether(t *testing.T) {
	keep := func(s string) views.WordPart { return views.WordPart{Text: s, Keep: true} }
	plain := func(s string) views.WordPart { return views.WordPart{Text: s} }
	tests := []struct {
		in   string
		want views.Words
	}{
		{"Mon–Fri 08:00–12:00, 14:00–18:00", views.Words{keep("Mon–Fri"), plain(" "), keep("08:00–12:00"), plain(", "), keep("14:00–18:00")}},
		{"Every day 09:00–17:00", views.Words{plain("Every day "), keep("09:00–17:00")}},
		{"Mon, Wed, Fri 10:00–16:00", views.Words{plain("Mon, Wed, Fri "), keep("10:00–16:00")}},
		{"Sat 10:00–14:00 (usually closed)", views.Words{plain("Sat "), keep("10:00–14:00"), plain(" (usually closed)")}},
		{"Mon–Fri 08:00–16:00 (usually 09:00–17:00)", views.Words{keep("Mon–Fri"), plain(" "), keep("08:00–16:00"), plain(" (usually "), keep("09:00–17:00"), plain(")")}},
		{"Closed all week", views.Words{plain("Closed all week")}},
		{"24/7", views.Words{plain("24/7")}},
	}
	for _, tc := range tests {
		got := keepTogether(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("keepTogether(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		var back strings.Builder
		for _, p := range got {
			back.WriteString(p.Text)
		}
		if back.String() != tc.in {
			t.Errorf("keepTogether(%q) changed the words to %q", tc.in, back.String())
		}
	}
}

// A row that differs says only how: the days that differ, what it keeps
// and what is usual there; never the office's whole usual week.
func TestUsualDiff(t *testing.T) {
	week := func(days map[dialpad.Weekday][]string) dialpad.WeekHours {
		w := dialpad.WeekHours{HoursOn: true}
		for d, h := range days {
			w.SetDay(d, h)
		}
		return w
	}
	nine := []string{"09:00", "17:00"}
	usual := week(map[dialpad.Weekday][]string{dialpad.Monday: nine, dialpad.Tuesday: nine, dialpad.Wednesday: nine, dialpad.Thursday: nine, dialpad.Friday: nine})
	withSaturday := week(map[dialpad.Weekday][]string{dialpad.Monday: nine, dialpad.Tuesday: nine, dialpad.Wednesday: nine, dialpad.Thursday: nine, dialpad.Friday: nine, dialpad.Saturday: {"10:00", "14:00"}})
	early := []string{"08:00", "16:00"}
	earlyWeek := week(map[dialpad.Weekday][]string{dialpad.Monday: early, dialpad.Tuesday: early, dialpad.Wednesday: early, dialpad.Thursday: early, dialpad.Friday: nine})
	split := week(map[dialpad.Weekday][]string{dialpad.Monday: {"08:00", "12:00", "13:00", "17:00"}, dialpad.Tuesday: nine, dialpad.Wednesday: nine, dialpad.Thursday: nine})
	tests := []struct {
		name     string
		w, usual dialpad.WeekHours
		want     []string
	}{
		{"one extra day", withSaturday, usual, []string{"Sat 10:00–14:00 (usually closed)"}},
		{"days alike grouped", earlyWeek, usual, []string{"Mon–Thu 08:00–16:00 (usually 09:00–17:00)"}},
		{"split shift and a closed day", split, usual, []string{"Mon 08:00–12:00, 13:00–17:00 (usually 09:00–17:00)", "Fri closed (usually 09:00–17:00)"}},
		{"24/7 where hours are usual", dialpad.WeekHours{}, usual, []string{"Open 24/7 (business hours off)"}},
		{"hours where 24/7 is usual", usual, dialpad.WeekHours{}, []string{"Keeps business hours (usually open 24/7)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := usualDiff(tc.w, tc.usual); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("usualDiff = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestUsualNote(t *testing.T) {
	tests := []struct {
		u      usualSchedule
		differ int
		want   string
	}{
		{usualSchedule{Shared: 4, Total: 8}, 4, "4 of 8 call centers and departments keep these hours; the 4 below differ."},
		{usualSchedule{Shared: 5, Total: 6}, 1, "5 of 6 call centers and departments keep these hours; the one below differs."},
		{usualSchedule{Shared: 5, Total: 6}, 0, "5 of 6 call centers and departments keep these hours."},
		{usualSchedule{Shared: 3, Total: 3}, 0, "All 3 call centers and departments keep these hours."},
		{usualSchedule{Shared: 1, Total: 5}, 0, "No usual hours: no two of its 5 call centers and departments keep the same hours."},
		{usualSchedule{Shared: 1, Total: 1}, 0, ""},
	}
	for _, tc := range tests {
		if got := usualNote(tc.u, tc.differ); got != tc.want {
			t.Errorf("usualNote(%+v, %d) = %q, want %q", tc.u, tc.differ, got, tc.want)
		}
	}
}

// The Now column says when a closed place opens and an open one closes,
// in the place's own time zone, as the badge reads the time there.
func TestReviewRowSaysWhenNowChanges(t *testing.T) {
	// Wednesday 2026-03-11 15:00 UTC: 15:00 in London, 11:00 in New York,
	// 00:00 on Thursday in Tokyo.
	now := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	nine := []string{"09:00", "17:00"}
	weekdays := dialpad.WeekHours{HoursOn: true, MondayHours: nine, TuesdayHours: nine, WednesdayHours: nine, ThursdayHours: nine, FridayHours: nine}
	tests := []struct {
		name  string
		w     dialpad.WeekHours
		tz    string
		badge string
		next  string
	}{
		{"open, closes later today", weekdays, "Europe/London", "Open", "closes 17:00"},
		{"before opening today", weekdays, "America/Los_Angeles", "Closed", "opens 09:00"}, // 08:00 there
		{"after midnight in Tokyo", weekdays, "Asia/Tokyo", "Closed", "opens 09:00"},
		{"opens on another day", dialpad.WeekHours{HoursOn: true, MondayHours: nine}, "Europe/London", "Closed", "opens Mon 09:00"},
		{"opens a week on", dialpad.WeekHours{HoursOn: true, WednesdayHours: []string{"09:00", "12:00"}}, "Europe/London", "Closed", "opens next Wed 09:00"},
		{"split shift, at lunch", dialpad.WeekHours{HoursOn: true, WednesdayHours: []string{"08:00", "14:00", "16:00", "20:00"}}, "Europe/London", "Closed", "opens 16:00"},
		{"night shift closes tomorrow", dialpad.WeekHours{HoursOn: true, WednesdayHours: []string{"14:00", "23:59"}, ThursdayHours: []string{"00:00", "06:00"}}, "Europe/London", "Open", "closes Thu 06:00"},
		{"never open", dialpad.WeekHours{HoursOn: true}, "Europe/London", "Closed", "no hours set"},
		{"24/7", dialpad.WeekHours{}, "Europe/London", "24/7", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := reviewItem{Kind: dialpad.TargetCallCenter, group: group{ID: 1, Name: "Support", Hours: tc.w}}
			row := reviewRow(it, tc.tz, zones{}, weekLooks{}, now)
			if row.Status.Label != tc.badge || row.Next != tc.next {
				t.Errorf("Now says %q, %q; want %q, %q", row.Status.Label, row.Next, tc.badge, tc.next)
			}
		})
	}
}
