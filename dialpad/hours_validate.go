package dialpad

import "fmt"

// HoursError is one problem with a day's hours, in words a person can act
// on. Range is 0-based; -1 means the day as a whole.
type HoursError struct {
	Day   Weekday
	Range int
	Msg   string
	// Overnight marks a range that closes before it opens, like 22:00 to
	// 06:00: a night shift, which Dialpad takes as two ranges split at
	// midnight (SplitAtMidnight).
	Overnight bool
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
		if errOpen != nil {
			bad("opening time %q is not a 24-hour time like 09:00", flat[i])
		}
		if errClose != nil {
			bad("closing time %q is not a 24-hour time like 17:30", flat[i+1])
		}
		if errOpen != nil || errClose != nil {
			continue
		}
		switch {
		case flat[i] == flat[i+1]:
			bad("opens and closes at the same time (%s)", flat[i])
			continue
		case closing < open:
			errs = append(errs, HoursError{Day: d, Range: n, Overnight: true, Msg: fmt.Sprintf(
				"closes (%s) before it opens (%s): a night shift? Split it at midnight", flat[i+1], flat[i])})
			continue
		}
		if flat[i+1] == EndOfDayClock {
			closing = EndOfDay
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

// SplitAtMidnight splits a night shift, a range that closes before it opens
// (22:00 to 06:00), into the part on its own day, up to the end of the day
// (22:00 to 23:59), and the part on the next, from midnight (00:00 to 06:00).
// A range closing at 00:00 has nothing on the next day: tomorrow is nil.
// ok is false when open and close are not such a range.
func SplitAtMidnight(open, closing string) (today []string, tomorrow []string, ok bool) {
	o, errOpen := ParseClock(open)
	c, errClose := ParseClock(closing)
	if errOpen != nil || errClose != nil || c >= o {
		return nil, nil, false
	}
	today = []string{open, EndOfDayClock}
	if c > 0 {
		tomorrow = []string{"00:00", closing}
	}
	return today, tomorrow, true
}

// Next is the day after d; Sunday is followed by Monday.
func (d Weekday) Next() Weekday { return (d + 1) % 7 }
