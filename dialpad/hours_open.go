package dialpad

import "time"

// OpenAt reports whether the hours take calls at t, which must already be in
// the place's time zone. With hours_on off the place is open 24/7. Ranges
// include their opening minute and exclude their closing minute. Pairs that
// do not parse are ignored, so odd data upstream never makes a place look
// open.
func (w WeekHours) OpenAt(t time.Time) bool {
	if !w.HoursOn {
		return true
	}
	d := WeekdayOf(t.Weekday())
	minute := t.Hour()*60 + t.Minute()
	ranges, _ := ParseDay(d, w.Day(d))
	for _, r := range ranges {
		if r.Open <= minute && minute < r.Close {
			return true
		}
	}
	return false
}
