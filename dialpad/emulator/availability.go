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
	if loc, err := time.LoadLocation(tz); err == nil {
		now = now.In(loc)
	}
	if h.OpenAt(now) {
		return "open"
	}
	return "closed"
}
