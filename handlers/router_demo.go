package handlers

import (
	"context"
	"fmt"
	"net/http"

	"switchboard/dialpad"
	"switchboard/dialpad/routing"
	"switchboard/handlers/access"
	"switchboard/views"
)

// DemoControl is demo mode's call simulator: the in-process Dialpad places
// calls on a router and a small routing service answers them, healthy or
// failing. main builds one only with -demo; the router page shows its
// panel only then.
type DemoControl interface {
	// PlaceCall places one simulated inbound call on the router's number,
	// as Dialpad would: a failed answer counts as a routing error.
	PlaceCall(ctx context.Context, routerID dialpad.ID) (routing.Result, error)
	// ErrorCount is the router's routing errors in the past hour.
	ErrorCount(routerID dialpad.ID) int
	// RoutingService reports whether routingURL, the router's, is its demo
	// routing service, and whether that is failing.
	RoutingService(routerID dialpad.ID, routingURL string) (failing, ok bool)
	// SetRoutingFailing makes the router's demo service fail or recover;
	// false when the router has none.
	SetRoutingFailing(routerID dialpad.ID, failing bool) bool
}

// demoBurst is the "many calls" button: one more than Dialpad tolerates in
// an hour, enough to watch a router disable itself.
const demoBurst = 11

// demoView is the demo panel of a router.
func (h *Handler) demoView(cr dialpad.CallRouter, action string) *views.RouterDemo {
	failing, ok := h.Demo.RoutingService(cr.ID, cr.RoutingURL)
	return &views.RouterDemo{
		Action:     action,
		HasService: ok,
		Failing:    failing,
		HasNumber:  len(cr.PhoneNumbers) > 0,
		ErrorCount: h.Demo.ErrorCount(cr.ID),
	}
}

// RouterDemo runs the demo panel's buttons: place 1 or 11 calls, or make
// the router's demo routing service fail or recover. It exists only in
// demo mode.
func (h *Handler) RouterDemo(w http.ResponseWriter, r *http.Request) {
	if h.Demo == nil {
		h.NotFound(w, r)
		return
	}
	_, read, ok := h.routerRequestFor(w, r, access.TestRouter)
	if !ok {
		return
	}
	routerID := read.ID
	back := "/routers/" + routerID.String() + "#demo"
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	switch action := r.PostFormValue("action"); action {
	case "place1", "place11":
		n := 1
		if action == "place11" {
			n = demoBurst
		}
		if msg, bad := h.placeDemoCalls(r.Context(), routerID, n); bad {
			h.FlashWarning(r, msg)
		} else {
			h.Flash(r, msg)
		}
	case "failing", "healthy":
		if !h.Demo.SetRoutingFailing(routerID, action == "failing") {
			h.FlashWarning(r, "Demo: this router's routing URL is not the demo routing service.")
		} else if action == "failing" {
			h.FlashWarning(r, "Demo: the routing service now answers 500 to every call.")
		} else {
			h.Flash(r, "Demo: the routing service answers every call again.")
		}
	default:
		h.RenderError(w, r, http.StatusBadRequest, "Unknown demo action",
			"The demo panel sent an action Switchboard does not know. Reload the page and try again.")
		return
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// placeDemoCalls places n calls one after another and sums them up; bad
// is true when any call went wrong, for the warning style.
func (h *Handler) placeDemoCalls(ctx context.Context, routerID dialpad.ID, n int) (msg string, bad bool) {
	routed, failed := 0, 0
	var lastProblem string
	for range n {
		res, err := h.Demo.PlaceCall(ctx, routerID)
		if err != nil {
			// The demo Dialpad's own words: a disabled router, no number.
			return fmt.Sprintf("Demo: placed %d of %d calls (%d routed, %d routing errors), then: %v.",
				routed+failed, n, routed, failed, err), true
		}
		if res.IsRoutingError() {
			failed++
			lastProblem = res.Problem
		} else {
			routed++
		}
	}
	msg = fmt.Sprintf("Demo: placed %d %s: %d routed, %d routing errors.", n, plural(n, "call", "calls"), routed, failed)
	if lastProblem != "" {
		msg += " Last error: " + lastProblem + "."
	}
	// Each error past the tenth in an hour disables the router, as in Dialpad.
	if failed > 0 && h.Demo.ErrorCount(routerID) > 10 {
		msg += " Dialpad disabled the router: more than 10 routing errors in an hour."
	}
	return msg, failed > 0
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
