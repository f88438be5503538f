package handlers

import (
	"fmt"
	"math"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// routerWait is Dialpad's wait before the router's next change, for the
// page: the moment in UTC for the browser to show in its own zone, and
// worded in tz (the person's Dialpad time zone, UTC when unknown) with
// the zone named, for people without JavaScript. Zero when there is none.
func (h *Handler) routerWait(id dialpad.ID, tz string) views.RouterWait {
	now := h.now()
	at, ok := h.routerChanges.nextChange(id, now)
	if !ok {
		return views.RouterWait{}
	}
	left := at.Sub(now)
	return views.RouterWait{
		At:      at.UTC().Format(time.RFC3339),
		Clock:   clockIn(at, tz),
		Left:    waitWords(left),
		Seconds: int(math.Ceil(left.Seconds())),
	}
}

// clockIn is the time of day in the zone, or in UTC when the zone is
// unknown, always naming the zone: "14:05 EST", "14:05 UTC".
func clockIn(t time.Time, tz string) string {
	loc, ok := (zones{}).load(tz)
	if !ok {
		loc = time.UTC
	}
	t = t.In(loc)
	return t.Format("15:04") + " " + zoneName(t)
}

// zoneName is the zone's abbreviation ("JST", "BST"), or its offset from
// UTC ("UTC+03") where the zone database has no letters for it.
func zoneName(t time.Time) string {
	name, offset := t.Zone()
	if name != "" && name[0] != '+' && name[0] != '-' {
		return name
	}
	sign := "+"
	if offset < 0 {
		sign, offset = "-", -offset
	}
	if m := offset % 3600 / 60; m != 0 {
		return fmt.Sprintf("UTC%s%02d:%02d", sign, offset/3600, m)
	}
	return fmt.Sprintf("UTC%s%02d", sign, offset/3600)
}
