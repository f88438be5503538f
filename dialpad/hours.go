package dialpad

import (
	"fmt"
	"slices"
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
// forms turn what people type for midnight into "23:59" with NormalizeClock.
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

// NormalizeClock turns "24:00", which people type for midnight, into
// Dialpad's end of day, "23:59"; any other value is returned as it is.
func NormalizeClock(s string) string {
	if s == "24:00" {
		return EndOfDayClock
	}
	return s
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
