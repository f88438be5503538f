package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

// routerRequest is how every router page and action starts: the signed-in
// person and the router id from the path. When false, the answer (sign-in
// page or 404) is written.
func (h *Handler) routerRequest(w http.ResponseWriter, r *http.Request) (*Identity, dialpad.ID, bool) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return nil, 0, false
	}
	routerID, ok := h.editorID(w, r)
	if !ok {
		return nil, 0, false
	}
	return who, routerID, true
}

// routerRequestFor is routerRequest for an action on the router: it reads
// the router to learn its office and answers 403, with nothing sent to
// Dialpad, when the person may not do a there. The router read comes back
// for the action's audit entry (its name and office).
func (h *Handler) routerRequestFor(w http.ResponseWriter, r *http.Request, a access.Action) (*Identity, *dialpad.CallRouter, bool) {
	who, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return nil, nil, false
	}
	cr, err := who.Client.CallRouter(r.Context(), routerID)
	if err != nil {
		h.UpstreamError(w, r, err)
		return nil, nil, false
	}
	if !who.May(a, cr.OfficeID) {
		h.refuseChange(w, r, a, ResourceCallRouter, cr.OfficeID, "")
		return nil, nil, false
	}
	return who, cr, true
}
