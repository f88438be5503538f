package emulator

import (
	"time"
	_ "time/tzdata" // the emulator computes opening hours in each group's zone, also in images without zoneinfo

	"switchboard/dialpad"
)

// availability tells whether hours are open at now in the zone tz: "open"
// when hours are off (24/7) or now falls in one of the day's ranges,
// "closed" otherwise.
func availability(h dialpad.WeekHours, tz string, now time.Time) string {
	if !h.HoursOn {
		return "open"
	}
	if loc, err := time.LoadLocation(tz); err == nil {
		now = now.In(loc)
	}
	day := dayHours(h, now.Weekday())
	minute := now.Hour()*60 + now.Minute()
	for i := 0; i+1 < len(day); i += 2 {
		open, ok1 := parseClock(day[i])
		closing, ok2 := parseClock(day[i+1])
		if ok1 && ok2 && minute >= open && minute < closing {
			return "open"
		}
	}
	return "closed"
}

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
	default:
		return h.SundayHours
	}
}
