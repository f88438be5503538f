package handlers

import (
	"fmt"
	"math"
	"sync"
	"time"

	"switchboard/dialpad"
)

// routerPatchInterval is Dialpad's limit on changing a call router: one
// PATCH per router every five minutes.
const routerPatchInterval = 5 * time.Minute

// routerChanges remembers, per router, when this console last changed it
// and until when Dialpad last said to wait, so a page can tell when the
// next change is possible. Changes made elsewhere are unknown to it: then
// Dialpad's 429 is what teaches it. The zero value is ready; Handler
// carries one.
type routerChanges struct {
	mu   sync.Mutex
	next map[dialpad.ID]time.Time // the earliest moment Dialpad will accept a change
}

// changed records an accepted change of the router at now.
func (c *routerChanges) changed(id dialpad.ID, now time.Time) {
	c.wait(id, now, now.Add(routerPatchInterval))
}

// rateLimited records Dialpad's answer that the router may change again
// after retryAfter. Without a Retry-After, the full interval is assumed.
func (c *routerChanges) rateLimited(id dialpad.ID, now time.Time, retryAfter time.Duration) {
	if retryAfter <= 0 {
		retryAfter = routerPatchInterval
	}
	c.wait(id, now, now.Add(retryAfter))
}

func (c *routerChanges) wait(id dialpad.ID, now, until time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.next == nil {
		c.next = map[dialpad.ID]time.Time{}
	}
	// Entries in the past tell nothing any more; dropping them here keeps
	// the map as small as the routers changed in the last five minutes.
	for k, t := range c.next {
		if !t.After(now) {
			delete(c.next, k)
		}
	}
	if until.After(c.next[id]) {
		c.next[id] = until
	}
}

// nextChange is when Dialpad will accept the next change of the router,
// and false when it will now (as far as this console knows).
func (c *routerChanges) nextChange(id dialpad.ID, now time.Time) (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.next[id]
	if !ok || !t.After(now) {
		return time.Time{}, false
	}
	return t, true
}

// nextChangeNote words the wait for a page: "Next change possible at 14:05
// (in 3 min)", in the person's time zone; "" when there is no wait.
func (h *Handler) nextChangeNote(id dialpad.ID, tz string) string {
	now := h.now()
	at, ok := h.routerChanges.nextChange(id, now)
	if !ok {
		return ""
	}
	return "Next change possible at " + clockIn(at, tz) + " (" + waitWords(at.Sub(now)) + ")."
}

// withNextChange ends a success message with when the router may change
// again, so the person learns it when they change it.
func withNextChange(msg, note string) string {
	if note == "" {
		return msg
	}
	return msg + " " + note
}

// clockIn is the time of day in the zone, or in UTC (said so) when the zone
// is unknown.
func clockIn(t time.Time, tz string) string {
	if loc, ok := (zones{}).load(tz); ok {
		return t.In(loc).Format("15:04")
	}
	return t.UTC().Format("15:04") + " UTC"
}

// waitWords is a short wait in words, rounded up: "in 3 min", "in 40 s".
func waitWords(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("in %d s", max(1, int(math.Ceil(d.Seconds()))))
	}
	return fmt.Sprintf("in %d min", int(math.Ceil(d.Minutes())))
}
