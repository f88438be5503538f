package emulator

import (
	"time"
	_ "time/tzdata" // the emulator computes opening hours in each group's zone, also in images without zoneinfo

	"switchboard/dialpad"
)

// availability tells whether hours are open at now in the zone tz: "open"
// when hours are off (24/7) or now falls in one of the day's ranges,
// "closed" otherwise. It reads the hours itself (hours_clock.go), not with
// the console's WeekHours.OpenAt.
func availability(h dialpad.WeekHours, tz string, now time.Time) string {
	if loc, err := time.LoadLocation(tz); err == nil {
		now = now.In(loc)
	}
	if !h.HoursOn || openIn(dayHours(h, now.Weekday()), now.Hour()*60+now.Minute()) {
		return "open"
	}
	return "closed"
}

// openIn reports whether minute falls in one of the day's ranges. A range
// includes its opening minute and ends at its closing one, except that a
// close of "23:59", the spec's end of day, runs through that last minute.
func openIn(hs []string, minute int) bool {
	spans, ok := daySpans(hs)
	if !ok {
		return false // stored hours were validated; unreadable ones count as closed
	}
	for _, s := range spans {
		end := s.close
		if end == lastMinute {
			end = minutesPerDay
		}
		if s.open <= minute && minute < end {
			return true
		}
	}
	return false
}

// dayHours is the hours field of the weekday.
func dayHours(h dialpad.WeekHours, d time.Weekday) []string {
	switch d {
	case time.Monday:
		return h.MondayHours
	case time.Tuesday:
		return h.TuesdayHours
	case time.Wednesday:
		return h.WednesdayHours
	case time.Thursday:
		return h.ThursdayHours
	case time.Friday:
		return h.FridayHours
	case time.Saturday:
		return h.SaturdayHours
	}
	return h.SundayHours
}
