package handlers

import (
	"testing"

	"switchboard/dialpad"
)

func usualWeek(hoursOn bool, times ...string) dialpad.WeekHours {
	w := dialpad.WeekHours{HoursOn: hoursOn}
	for _, d := range dialpad.Weekdays()[:5] {
		w.SetDay(d, times)
	}
	return w
}

func TestUsualSchedules(t *testing.T) {
	const office = dialpad.ID(10)
	nine := usualWeek(true, "09:00", "17:00")
	eight := usualWeek(true, "08:00", "16:00")
	split := usualWeek(true, "08:00", "12:00", "13:00", "17:00")
	allDay := usualWeek(false, "09:00", "17:00")
	allDayOtherLists := usualWeek(false, "07:00", "19:00")
	// A pair Dialpad cannot apply changes nothing a caller meets.
	nineWithJunk := nine
	nineWithJunk.SaturdayHours = []string{"xx:00", "10:00"}

	item := func(w dialpad.WeekHours) reviewItem {
		return reviewItem{Kind: dialpad.TargetCallCenter, group: group{OfficeID: office, Hours: w}}
	}
	tests := []struct {
		name      string
		hours     []dialpad.WeekHours
		own       dialpad.WeekHours // the office's own hours in Dialpad
		wantFound bool
		want      dialpad.WeekHours
		shared    int
	}{
		{"plain majority", []dialpad.WeekHours{nine, nine, eight}, eight, true, nine, 2},
		{"tie goes to the office's own hours", []dialpad.WeekHours{nine, nine, eight, eight}, eight, true, eight, 2},
		// Dialpad sends offices without hours_on (it decodes as false): an
		// office's lists always apply.
		{"tie goes to the office's hours as Dialpad sends them", []dialpad.WeekHours{nine, nine, eight, eight}, usualWeek(false, "09:00", "17:00"), true, nine, 2},
		{"tie without the office's hours: earliest opening", []dialpad.WeekHours{nine, nine, eight, eight}, split, true, eight, 2},
		{"all different: nothing usual", []dialpad.WeekHours{nine, eight, split}, nine, false, dialpad.WeekHours{}, 1},
		{"one alone: nothing to compare", []dialpad.WeekHours{nine}, nine, false, dialpad.WeekHours{}, 1},
		{"24/7 with different kept lists is one schedule", []dialpad.WeekHours{allDay, allDayOtherLists, nine}, nine, true, allDay, 2},
		{"unparseable pairs are ignored", []dialpad.WeekHours{nine, nineWithJunk, eight}, eight, true, nine, 2},
		// Offices have no hours_on in the spec: it decodes to false, and
		// their lists are still their schedule, not 24/7.
		{"office hours without hours_on break a tie", []dialpad.WeekHours{nine, nine, eight, eight}, usualWeek(false, "09:00", "17:00"), true, nine, 2},
		{"office hours without hours_on are not 24/7", []dialpad.WeekHours{allDay, allDay, nine, nine}, usualWeek(false, "09:00", "17:00"), true, nine, 2},
		{"an office without hours prefers nothing", []dialpad.WeekHours{allDay, allDay, nine, nine}, dialpad.WeekHours{}, true, nine, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var items []reviewItem
			for _, w := range tt.hours {
				items = append(items, item(w))
			}
			offices := officeIndex{office: {ID: office, Name: "London", WeekHours: tt.own}}
			u := usualSchedules(items, offices)[office]
			if u.found() != tt.wantFound || u.Shared != tt.shared || u.Total != len(tt.hours) {
				t.Fatalf("found %v shared %d of %d; want %v, %d of %d", u.found(), u.Shared, u.Total, tt.wantFound, tt.shared, len(tt.hours))
			}
			if tt.wantFound && usualKey(u.Hours) != usualKey(tt.want) {
				t.Errorf("usual = %s, want %s", usualKey(u.Hours), usualKey(tt.want))
			}
			// Deterministic whatever the order of the list.
			reversed := make([]reviewItem, len(items))
			for i, it := range items {
				reversed[len(items)-1-i] = it
			}
			if again := usualSchedules(reversed, offices)[office]; again.Key != u.Key {
				t.Errorf("reversed list gives %s, want %s", again.Key, u.Key)
			}
			for _, w := range tt.hours {
				if want := tt.wantFound && usualKey(w) != usualKey(tt.want); u.differs(w) != want {
					t.Errorf("differs(%s) = %v", usualKey(w), !want)
				}
			}
		})
	}
}

func TestReviewDayCell(t *testing.T) {
	w := dialpad.WeekHours{
		HoursOn:       true,
		MondayHours:   []string{"08:00", "12:00", "14:00", "18:00"},
		TuesdayHours:  []string{"22:00", "23:59"},
		SundayHours:   []string{},
		SaturdayHours: nil,
	}
	tests := []struct {
		w    dialpad.WeekHours
		day  dialpad.Weekday
		want string
	}{
		{w, dialpad.Monday, "08:00-12:00 14:00-18:00"},
		{w, dialpad.Tuesday, "22:00-23:59"},
		{w, dialpad.Saturday, "closed"},
		{w, dialpad.Sunday, "closed"},
		{usualWeek(false, "09:00", "17:00"), dialpad.Monday, "24/7"},
		{usualWeek(false), dialpad.Sunday, "24/7"},
	}
	for _, tt := range tests {
		if got := reviewDayCell(tt.w, tt.day); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.day, got, tt.want)
		}
	}
}

func TestCSVSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sales", "Sales"},
		{"", ""},
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=b", "a=b"},
		{"08:00-12:00", "08:00-12:00"},
	}
	for _, tt := range tests {
		if got := csvSafe(tt.in); got != tt.want {
			t.Errorf("csvSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
