package handlers

import (
	"slices"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

func week(weekday, sat, sun []string) dialpad.WeekHours {
	return dialpad.WeekHours{HoursOn: true,
		MondayHours: weekday, TuesdayHours: weekday, WednesdayHours: weekday,
		ThursdayHours: weekday, FridayHours: weekday, SaturdayHours: sat, SundayHours: sun}
}

func TestHoursSummary(t *testing.T) {
	split := []string{"08:00", "12:00", "14:00", "18:00"}
	tests := []struct {
		name string
		in   dialpad.WeekHours
		want []string
	}{
		{"24/7 ignores the kept lists", dialpad.WeekHours{HoursOn: false, MondayHours: split}, []string{"24/7"}},
		{"split weekdays, closed weekend", week(split, nil, nil),
			[]string{"Mon–Fri 08:00–12:00, 14:00–18:00", "Sat–Sun closed"}},
		{"saturday morning", week([]string{"09:00", "17:00"}, []string{"09:00", "13:00"}, nil),
			[]string{"Mon–Fri 09:00–17:00", "Sat 09:00–13:00", "Sun closed"}},
		{"every day alike", week([]string{"00:00", "23:59"}, []string{"00:00", "23:59"}, []string{"00:00", "23:59"}),
			[]string{"Every day 00:00–23:59"}},
		{"closed all week", week(nil, nil, nil), []string{"Closed all week"}},
		{"a closed day in the middle", func() dialpad.WeekHours {
			w := week([]string{"09:00", "17:00"}, nil, nil)
			w.WednesdayHours = nil
			return w
		}(), []string{"Mon–Tue, Thu–Fri 09:00–17:00", "Wed, Sat–Sun closed"}},
		{"alternate days", dialpad.WeekHours{HoursOn: true,
			MondayHours: []string{"10:00", "16:00"}, WednesdayHours: []string{"10:00", "16:00"}, FridayHours: []string{"10:00", "16:00"}},
			[]string{"Mon, Wed, Fri 10:00–16:00", "Tue, Thu, Sat–Sun closed"}},
		{"sunday only", dialpad.WeekHours{HoursOn: true, SundayHours: []string{"12:00", "18:00"}},
			[]string{"Mon–Sat closed", "Sun 12:00–18:00"}},
		{"unparseable pair left out", week([]string{"9am", "17:00"}, nil, nil), []string{"Closed all week"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := hoursSummary(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("hoursSummary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOpenBadge(t *testing.T) {
	officeHours := week([]string{"09:00", "17:00"}, nil, nil)
	now := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC) // Wednesday
	tests := []struct {
		name  string
		hours dialpad.WeekHours
		tz    string
		want  string
		color string
	}{
		{"London 15:00 is open", officeHours, "Europe/London", "Open", views.BadgeGreen},
		{"New York 11:00 (EDT) is open", officeHours, "America/New_York", "Open", views.BadgeGreen},
		{"Tokyo is past midnight, Thursday 00:00", officeHours, "Asia/Tokyo", "Closed", views.BadgeGrey},
		{"Los Angeles 08:00 is not open yet", officeHours, "America/Los_Angeles", "Closed", views.BadgeGrey},
		{"24/7 needs no zone", dialpad.WeekHours{HoursOn: false}, "", "24/7", views.BadgeBlue},
		{"unknown zone is not guessed", officeHours, "Mars/Olympus", "Unknown", views.BadgeGrey},
		{"closing minute is closed", week([]string{"09:00", "15:00"}, nil, nil), "UTC", "Closed", views.BadgeGrey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := openBadge(tt.hours, tt.tz, zones{}, now)
			if b.Label != tt.want || b.Color != tt.color {
				t.Errorf("openBadge = %s/%s, want %s/%s", b.Label, b.Color, tt.want, tt.color)
			}
			if got := openNow(tt.hours, tt.tz, zones{}, now); got != (tt.want == "Open" || tt.want == "24/7") {
				t.Errorf("openNow = %v, disagrees with the badge %s", got, tt.want)
			}
		})
	}
}
