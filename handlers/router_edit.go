package handlers

import "net/http"

// RouterEdit shows one call router: its state, support's reset when it is
// disabled, its settings, numbers and the endpoint tester. ?choose=target
// opens the default target's select (the way there without JavaScript).
func (h *Handler) RouterEdit(w http.ResponseWriter, r *http.Request) {
	who, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return
	}
	choose := r.URL.Query().Get("choose") == "target"
	cr, targets, err := h.loadRouterPage(r.Context(), who, routerID, choose)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	h.renderRouterPage(w, r, http.StatusOK, routerPage{router: *cr, base: *cr, targets: targets, choose: choose})
}
