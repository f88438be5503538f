package dialpad

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Weekday is a day of the week in Dialpad's order, Monday first. (Go's
// time.Weekday starts on Sunday; convert with WeekdayOf.)
type Weekday int

// The days, in the order Dialpad lists them.
const (
	Monday Weekday = iota
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
	Sunday
)

// Weekdays returns the seven days, Monday first.
func Weekdays() []Weekday {
	return []Weekday{Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday}
}

// WeekdayOf converts Go's weekday.
func WeekdayOf(d time.Weekday) Weekday { return Weekday((int(d) + 6) % 7) }

// Field is the API field holding the day's hours ("monday_hours"); "" for a
// day out of range.
func (d Weekday) Field() string {
	switch d {
	case Monday:
		return "monday_hours"
	case Tuesday:
		return "tuesday_hours"
	case Wednesday:
		return "wednesday_hours"
	case Thursday:
		return "thursday_hours"
	case Friday:
		return "friday_hours"
	case Saturday:
		return "saturday_hours"
	case Sunday:
		return "sunday_hours"
	}
	return ""
}

// Label is the day's English name ("Monday").
func (d Weekday) Label() string {
	if d < Monday || d > Sunday {
		return fmt.Sprintf("Weekday(%d)", int(d))
	}
	return time.Weekday((int(d) + 1) % 7).String()
}

func (d Weekday) String() string { return d.Label() }

// Day returns the day's flat "HH:MM" list (the slice itself, not a copy).
func (w WeekHours) Day(d Weekday) []string {
	if p := w.day(d); p != nil {
		return *p
	}
	return nil
}

// SetDay stores a copy of hours as the day's list; a day out of range is
// ignored.
func (w *WeekHours) SetDay(d Weekday, hours []string) {
	if p := w.day(d); p != nil {
		*p = slices.Clone(hours)
	}
}

func (w *WeekHours) day(d Weekday) *[]string {
	switch d {
	case Monday:
		return &w.MondayHours
	case Tuesday:
		return &w.TuesdayHours
	case Wednesday:
		return &w.WednesdayHours
	case Thursday:
		return &w.ThursdayHours
	case Friday:
		return &w.FridayHours
	case Saturday:
		return &w.SaturdayHours
	case Sunday:
		return &w.SundayHours
	}
	return nil
}

// Equal compares hours_on and every day's list; a nil list equals an empty
// one. Lists kept while hours_on is off still count.
func (w WeekHours) Equal(o WeekHours) bool {
	if w.HoursOn != o.HoursOn {
		return false
	}
	for _, d := range Weekdays() {
		if !slices.Equal(w.Day(d), o.Day(d)) {
			return false
		}
	}
	return true
}

// Range is one open period of a day, in minutes since midnight; Close is
// exclusive and may be EndOfDay.
type Range struct {
	Open, Close int
}

// EndOfDay is the end of a day in minutes. Dialpad writes it "23:59"
// (EndOfDayClock): its spec only says "HH:MM" and never defines "24:00", so
// a range running to midnight closes at "23:59" on the wire, ParseDay reads
// a closing "23:59" as EndOfDay and FormatClock writes EndOfDay as "23:59".
// Every page shows it the way Dialpad writes it.
const EndOfDay = 24 * 60

// EndOfDayClock is the end of a day as Dialpad writes it.
const EndOfDayClock = "23:59"

// ParseClock reads a strict "HH:MM" (two digits each, 00:00 to 23:59) as
// minutes since midnight. "24:00" is not a time of day in Dialpad's API;
// forms turn what people type ("9:00", "24:00") into Dialpad's form with
// NormalizeClock first.
func ParseClock(s string) (int, error) {
	if len(s) != 5 || s[2] != ':' || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[3]) || !isDigit(s[4]) {
		return 0, fmt.Errorf("dialpad: %q is not a time in HH:MM form", s)
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if m > 59 || h > 23 {
		return 0, fmt.Errorf("dialpad: %q is not a time in HH:MM form", s)
	}
	return h*60 + m, nil
}

// NormalizeClock reads a time the way people type it and writes it as
// Dialpad does, "HH:MM" in 24-hour form: "9:00", "9.00", "0900", "900" and
// "9" are "09:00"; midnight typed as "24:00" (or "24", "2400") is
// Dialpad's end of day, "23:59". Spaces around it are dropped and blank is
// "". Anything else, "25:00", "9:5", "5pm", is returned exactly as given,
// so the form shows it as typed and ParseClock reports it.
func NormalizeClock(s string) string {
	t := strings.TrimSpace(s)
	if t == "" {
		return ""
	}
	h, m, ok := clockDigits(t)
	switch {
	case !ok:
		return s
	case h == 24 && m == 0:
		return EndOfDayClock
	case h > 23 || m > 59:
		return s
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// clockDigits splits a typed time into hours and minutes: one or two digits
// of hours, then optionally two of minutes, with ":" or "." between or
// nothing ("930", "0930").
func clockDigits(s string) (h, m int, ok bool) {
	hours, minutes := s, ""
	if i := strings.IndexAny(s, ":."); i >= 0 {
		hours, minutes = s[:i], s[i+1:]
		if len(minutes) != 2 {
			return 0, 0, false
		}
	} else if len(s) > 2 {
		hours, minutes = s[:len(s)-2], s[len(s)-2:]
	}
	if len(hours) < 1 || len(hours) > 2 || !allDigits(hours) || !allDigits(minutes) {
		return 0, 0, false
	}
	h, _ = strconv.Atoi(hours)
	if minutes != "" {
		m, _ = strconv.Atoi(minutes)
	}
	return h, m, true
}

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// FormatClock writes minutes since midnight (0 to EndOfDay) as "HH:MM";
// EndOfDay is "23:59", as Dialpad writes it.
func FormatClock(min int) string {
	if min >= EndOfDay {
		return EndOfDayClock
	}
	return fmt.Sprintf("%02d:%02d", min/60, min%60)
}
