package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

// RouterReset is support's one-click way back for a disabled router: one
// PATCH {"enabled": true, "reset_error_count": true}. Enabling alone would
// keep the error count, and the next routing error would disable the
// router again.
func (h *Handler) RouterReset(w http.ResponseWriter, r *http.Request) {
	who, read, ok := h.routerRequestFor(w, r, access.ResetRouter)
	if !ok {
		return
	}
	routerID := read.ID
	ctx := r.Context()
	if h.routerTooSoon(w, r, who, routerID, nil) {
		return
	}
	// An action, not a field edit: nothing to diff, so no fresh read first.
	cr, err := who.Client.UpdateCallRouter(ctx, routerID, dialpad.Patch{"enabled": true, "reset_error_count": true})
	res := routerResource(*read) // a refused reset: as read just before
	if cr != nil {
		res = routerResource(*cr)
	}
	h.audit(ctx, who, res, []audit.Change{auditChange("enabled", nil, true), auditChange("reset_error_count", nil, true)}, err)
	if err != nil {
		h.routerActionFailed(w, r, who, routerID, err, nil)
		return
	}
	h.routerChanges.changed(routerID, h.now())
	h.logger().InfoContext(ctx, "call router reset", "router_id", routerID)
	msg := cr.Name + " is enabled again and its error count is reset."
	// Editors see the wait by Save, counting down; support, offered no
	// change of an enabled router, learns here when a reset is possible.
	if !who.May(access.EditRouter, cr.OfficeID) {
		msg = withNextChange(msg, h.nextChangeNote(routerID, who.User.Timezone))
	}
	h.Flash(r, msg)
	http.Redirect(w, r, "/routers/"+routerID.String(), http.StatusSeeOther)
}

// routerActionFailed re-renders the router page after an action on it
// (reset, number, delete) failed in Dialpad, read fresh; edit, if any,
// puts back what the person typed in the action's own form.
func (h *Handler) routerActionFailed(w http.ResponseWriter, r *http.Request, who *Identity, routerID dialpad.ID, err error, edit func(*routerPage)) {
	fail, ok := h.routerFailed(routerID, who.User.Timezone, err)
	switch {
	case !ok:
		h.ServerError(w, r, err)
		return
	case fail.status == statusClientClosedRequest:
		w.WriteHeader(fail.status)
		return
	}
	h.logger().WarnContext(r.Context(), "call router action failed", "router_id", routerID, "path", r.URL.Path, "status", fail.status, "err", err)
	cr, targets, rerr := h.loadRouterPage(r.Context(), who, routerID, false)
	if rerr != nil {
		// Nothing to draw the page from: the error page says what failed first.
		h.UpstreamError(w, r, err)
		return
	}
	page := routerPage{router: *cr, base: *cr, targets: targets, message: fail.message}
	if edit != nil {
		edit(&page)
	}
	if fail.retry {
		h.writeRetryAfter(w, routerID)
	}
	h.renderRouterPage(w, r, fail.status, page)
}
