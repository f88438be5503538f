package dialpad

import "fmt"

// HoursError is one problem with a day's hours, in words a person can act
// on. Range is 0-based; -1 means the day as a whole.
type HoursError struct {
	Day   Weekday
	Range int
	Msg   string
}

// Error reads like "Monday, range 2: closes (09:00) before it opens (12:00)".
func (e HoursError) Error() string {
	if e.Range < 0 {
		return fmt.Sprintf("%s: %s", e.Day.Label(), e.Msg)
	}
	return fmt.Sprintf("%s, range %d: %s", e.Day.Label(), e.Range+1, e.Msg)
}

// ParseDay reads a day's flat open/close list. It reports every problem it
// finds: an odd count, times not in HH:MM form, a range that does not open
// before it closes, ranges out of order or overlapping. Ranges that touch
// (08:00-12:00, 12:00-18:00) are allowed. The ranges returned are the pairs
// that parsed with open before close, so a day with errors can still be
// drawn; only a day without errors may be sent.
func ParseDay(d Weekday, flat []string) ([]Range, []HoursError) {
	var (
		ranges []Range
		errs   []HoursError
	)
	if len(flat)%2 != 0 {
		errs = append(errs, HoursError{Day: d, Range: -1,
			Msg: fmt.Sprintf("%d times given; every range needs an opening and a closing time", len(flat))})
	}
	for i := 0; i+1 < len(flat); i += 2 {
		n := i / 2
		bad := func(format string, a ...any) {
			errs = append(errs, HoursError{Day: d, Range: n, Msg: fmt.Sprintf(format, a...)})
		}
		open, errOpen := ParseClock(flat[i])
		closing, errClose := ParseClock(flat[i+1])
		switch {
		case errOpen != nil:
			bad("opening time %q is not a time like 09:00", flat[i])
		case open == EndOfDay:
			bad("cannot open at 24:00; open at 00:00 on the next day")
		}
		if errClose != nil {
			bad("closing time %q is not a time like 17:30", flat[i+1])
		}
		if errOpen != nil || errClose != nil || open == EndOfDay {
			continue
		}
		switch {
		case closing == open:
			bad("opens and closes at the same time (%s)", flat[i])
			continue
		case closing < open:
			bad("closes (%s) before it opens (%s)", flat[i+1], flat[i])
			continue
		}
		r := Range{Open: open, Close: closing}
		if len(ranges) > 0 {
			p := ranges[len(ranges)-1]
			switch {
			case r.Open < p.Open:
				bad("starts (%s) before the range above it (%s); list ranges in order",
					FormatClock(r.Open), FormatClock(p.Open))
			case r.Open < p.Close:
				bad("overlaps the range above it (%s-%s)", FormatClock(p.Open), FormatClock(p.Close))
			}
		}
		ranges = append(ranges, r)
	}
	return ranges, errs
}

// ValidateWeek checks every day, Monday first. Days are checked even with
// hours_on off: the lists are still sent and kept.
func ValidateWeek(w WeekHours) []HoursError {
	var errs []HoursError
	for _, d := range Weekdays() {
		_, e := ParseDay(d, w.Day(d))
		errs = append(errs, e...)
	}
	return errs
}
