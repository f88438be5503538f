package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

// routerRequestFor is routerRequest for an action on the router: it reads
// the router to learn its office and answers 403, with nothing sent to
// Dialpad, when the person may not do a there.
func (h *Handler) routerRequestFor(w http.ResponseWriter, r *http.Request, a access.Action) (*Identity, dialpad.ID, bool) {
	id, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return nil, 0, false
	}
	cr, err := id.Client.CallRouter(r.Context(), routerID)
	if err != nil {
		h.UpstreamError(w, r, err)
		return nil, 0, false
	}
	if !id.May(a, cr.OfficeID) {
		h.refuseChange(w, r, a, ResourceCallRouter, cr.OfficeID, "")
		return nil, 0, false
	}
	return id, routerID, true
}
