package handlers

import "net/http"

// NotFound is the friendly 404 for paths no route matches.
func (h *Handler) NotFound(w http.ResponseWriter, r *http.Request) {
	h.RenderError(w, r, http.StatusNotFound, "Page not found",
		"There is no page at this address. The link may be mistyped, or the page may have moved.")
}
