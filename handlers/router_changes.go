package handlers

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"sync"
	"time"

	"switchboard/dialpad"
)

// routerPatchInterval is Dialpad's limit on changing a call router: one
// PATCH per router every five minutes.
const routerPatchInterval = 5 * time.Minute

// routerChanges remembers, per router, when this console last changed it
// and until when Dialpad last said to wait, so a page can tell when the
// next change is possible. With a shared store (Redis, set by
// ShareRouterWindows) every instance knows about every instance's changes;
// changes made outside the console are unknown to it: then Dialpad's 429
// is what teaches it. The zero value is ready; Handler carries one.
type routerChanges struct {
	mu   sync.Mutex
	next map[dialpad.ID]time.Time // the earliest moment Dialpad will accept a change

	// shared, when set, holds the same moments for every instance. This
	// process's own map is kept too: it answers while the store does not.
	shared RouterWindows
	logger *slog.Logger
}

// RouterWindows is a store of routers' change windows shared by several
// instances of the console (web/redisstate).
type RouterWindows interface {
	WaitUntil(ctx context.Context, id dialpad.ID, until, now time.Time) error
	NextChange(ctx context.Context, id dialpad.ID) (time.Time, bool, error)
}

// ShareRouterWindows keeps the routers' change windows in w as well, so
// instances sharing w learn of each other's changes. web calls it at
// start-up, before serving.
func (h *Handler) ShareRouterWindows(w RouterWindows) {
	h.routerChanges.shared, h.routerChanges.logger = w, h.logger()
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
	if c.shared != nil {
		if err := c.shared.WaitUntil(context.Background(), id, until, now); err != nil {
			c.logger.Warn("shared router window not recorded", "router_id", id, "err", err)
		}
	}
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
	t := c.next[id]
	c.mu.Unlock()
	if c.shared != nil {
		if at, ok, err := c.shared.NextChange(context.Background(), id); err != nil {
			c.logger.Warn("shared router window not read", "router_id", id, "err", err)
		} else if ok && at.After(t) {
			t = at
		}
	}
	if !t.After(now) {
		return time.Time{}, false
	}
	return t, true
}

// nextChangeNote words the wait for a message: "Next change possible at
// 14:05 EST (in 3 min).", in the person's time zone; "" when there is no
// wait.
func (h *Handler) nextChangeNote(id dialpad.ID, tz string) string {
	w := h.routerWait(id, tz)
	if !w.Active() {
		return ""
	}
	return "Next change possible at " + w.Clock + " (" + w.Left + ")."
}

// withNextChange ends a success message with when the router may change
// again, so the person learns it when they change it.
func withNextChange(msg, note string) string {
	if note == "" {
		return msg
	}
	return msg + " " + note
}

// waitWords is a short wait in words, rounded up: "in 3 min", "in 40 s".
func waitWords(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("in %d s", max(1, int(math.Ceil(d.Seconds()))))
	}
	return fmt.Sprintf("in %d min", int(math.Ceil(d.Minutes())))
}

// routerTooSoon answers a change of a router Dialpad will not accept yet
// (this instance or another changed it less than five minutes ago, or
// Dialpad said to wait): nothing is sent, and the page comes back, with
// the person's input when page holds it (nil reads the router afresh), and
// says when the next change is possible. It reports whether it answered.
func (h *Handler) routerTooSoon(w http.ResponseWriter, r *http.Request, who *Identity, routerID dialpad.ID, page *routerPage) bool {
	note := h.nextChangeNote(routerID, who.User.Timezone)
	if note == "" {
		return false
	}
	msg := "Dialpad accepts one change per call router every 5 minutes, so nothing was sent. " + note
	if page == nil {
		cr, targets, err := h.loadRouterPage(r.Context(), who, routerID, false)
		if err != nil {
			h.UpstreamError(w, r, err)
			return true
		}
		page = &routerPage{router: *cr, base: *cr, targets: targets}
	} else {
		msg += inputKept
	}
	page.message = msg
	h.writeRetryAfter(w, routerID)
	h.renderRouterPage(w, r, http.StatusTooManyRequests, *page)
	return true
}
