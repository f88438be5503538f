package handlers

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"switchboard/dialpad"
)

// routerFailure is a failed Dialpad call as a router form shows it: the
// status to answer and a sentence for the top of the page.
type routerFailure struct {
	status  int
	message string
	retry   bool // answer with Retry-After: the router's next change
}

// inputKept ends a form's failure message.
const inputKept = " Everything you entered is still in the form."

// routerFailed words err for a router form, and remembers a rate limit so
// the page can say when the next change is possible. ok is false for
// errors that did not come from talking to Dialpad. routerID is 0 when no
// router exists yet (a create): then a 429 is the company's rate limit.
func (h *Handler) routerFailed(routerID dialpad.ID, tz string, err error) (routerFailure, bool) {
	p, ok := classifyUpstream(err)
	if !ok {
		return routerFailure{}, false
	}
	f := routerFailure{status: p.status, message: p.message}
	switch {
	case errors.Is(err, dialpad.ErrRateLimited) && !routerLimitHit(err):
		f.message = "Dialpad is refusing requests for a moment: your company sent more than its 20 requests a second, " +
			"so nothing was changed. Try again in " + inSeconds(p.retryAfter) + "."
	case errors.Is(err, dialpad.ErrRateLimited) && routerID != 0:
		h.routerChanges.rateLimited(routerID, h.now(), p.retryAfter)
		f.message = "Dialpad accepts one change per call router every 5 minutes, so nothing was changed. " +
			h.nextChangeNote(routerID, tz)
		f.retry = true
	case p.status == http.StatusBadRequest:
		// Dialpad refused the values: the person's input, hence 422.
		f.status = http.StatusUnprocessableEntity
	case p.status == statusClientClosedRequest:
		f.message = ""
	}
	return f, true
}

// routerLimitHit reports whether a 429 is the router's own limit (one
// change per 5 minutes) rather than the company's 20 requests a second,
// from what Dialpad answered: its message names the limit, and failing
// that, a Retry-After over a second can only be the router's, since the
// company's limit frees up within a second.
func routerLimitHit(err error) bool {
	ae, ok := errors.AsType[*dialpad.APIError](err)
	if !ok {
		return false
	}
	switch msg := strings.ToLower(ae.Message); {
	case strings.Contains(msg, "per second") || strings.Contains(msg, "company"):
		return false
	case strings.Contains(msg, "minute") || strings.Contains(msg, "call router"):
		return true
	}
	return ae.RetryAfter > time.Second
}

// writeRetryAfter passes the router's next change on to the browser.
func (h *Handler) writeRetryAfter(w http.ResponseWriter, routerID dialpad.ID) {
	now := h.now()
	if at, ok := h.routerChanges.nextChange(routerID, now); ok {
		w.Header().Set("Retry-After", retryAfterHeader(at.Sub(now)))
	}
}
