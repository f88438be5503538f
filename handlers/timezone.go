package handlers

import (
	"time"
	// Dialpad names IANA zones; the distroless image has no zoneinfo, so
	// the database travels in the binary.
	_ "time/tzdata"
)

// zones loads time zones once per request: a company can list thousands
// of groups in a handful of zones, and LoadLocation reads the database
// every time.
type zones map[string]*time.Location

// load returns the zone, or false when the name is empty or unknown.
func (z zones) load(name string) (*time.Location, bool) {
	if name == "" {
		return nil, false
	}
	if loc, ok := z[name]; ok {
		return loc, loc != nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		loc = nil
	}
	z[name] = loc
	return loc, loc != nil
}

// localTime is the wall clock in a zone: "Tue 14:05 BST".
func (z zones) localTime(name string, now time.Time) string {
	loc, ok := z.load(name)
	if !ok {
		return ""
	}
	return now.In(loc).Format("Mon 15:04 MST")
}
