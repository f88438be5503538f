package handlers

import (
	"net/http"

	"switchboard/views"
)

// SignedOut confirms the end of the session. It links to /login rather
// than redirecting there, which would bounce the person straight back in
// through Dialpad.
func (h *Handler) SignedOut(w http.ResponseWriter, r *http.Request) {
	h.Render(w, r, http.StatusOK, views.SignedOutPage(h.layout(r, "Signed out", "")), nil)
}
