package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// routerOutcomeUnknown answers a router save Dialpad may have applied (504
// when it did not answer in time, 502 otherwise). The router is read
// again and the form re-based on it, with every field the person changed
// beside what Dialpad has now. A generated secret that may now be set
// stays on the page: the person has not seen it anywhere else.
func (h *Handler) routerOutcomeUnknown(w http.ResponseWriter, r *http.Request, page routerPage,
	mine dialpad.CallRouter, changes []dialpad.Change, secret string, err error) {
	status := unknownOutcomeStatus(err)
	routerID := page.base.ID
	h.logger().WarnContext(r.Context(), "call router save outcome unknown", "router_id", routerID,
		"status", status, "err", scrub(err.Error(), secret))
	msg := unknownOutcomeMessage(err)
	if secret != "" && page.form.SecretAction == views.SecretGenerate {
		page.newSecret = secret
		msg += " If it did, the router now signs with the new secret shown here: keep a copy until you know."
	}
	ctx, cancel := h.recheckContext(r.Context())
	defer cancel()
	theirs, rerr := IdentityFrom(r.Context()).Client.CallRouter(ctx, routerID)
	if rerr != nil {
		h.logger().WarnContext(r.Context(), "call router read-back failed", "router_id", routerID, "err", rerr)
		page.message = msg + " " + unreadBack + inputKept
		h.renderRouterPage(w, r, status, page)
		return
	}
	fields := make([]string, len(changes))
	for i, c := range changes {
		fields[i] = c.Field
	}
	page.message = msg
	h.routerRebased(w, r, status, page, mine, *theirs, changes, fields, true)
}
