package emulator

import (
	"time"

	"switchboard/dialpad"
)

// RecordRoutingError counts a routing error of a router (its routing URL
// failed). Like Dialpad, a router with more than 10 errors within an hour
// disables itself.
func (e *Emulator) RecordRoutingError(id dialpad.ID) {
	e.mu.Lock()
	defer e.mu.Unlock()
	cr, ok := e.st.routers.get(id)
	if !ok {
		return
	}
	now := e.now()
	cr.errors = append(recentErrors(cr.errors, now), now)
	if len(cr.errors) > 10 {
		cr.Enabled = false
	}
}

// RouterErrorCount is a router's routing errors within the past hour.
func (e *Emulator) RouterErrorCount(id dialpad.ID) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	cr, ok := e.st.routers.get(id)
	if !ok {
		return 0
	}
	return len(recentErrors(cr.errors, e.now()))
}

// recentErrors keeps the errors of the hour before now.
func recentErrors(errs []time.Time, now time.Time) []time.Time {
	out := errs[:0:0]
	for _, t := range errs {
		if now.Sub(t) < time.Hour {
			out = append(out, t)
		}
	}
	return out
}
