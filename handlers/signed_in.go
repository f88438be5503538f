package handlers

import "net/http"

// signedIn returns the person the request acts for. web's auth middleware
// guards every page, so a missing identity means a route escaped it: the
// person is asked to sign in rather than shown a broken page.
func (h *Handler) signedIn(w http.ResponseWriter, r *http.Request) (*Identity, bool) {
	who := IdentityFrom(r.Context())
	if who == nil || who.Client == nil {
		h.RenderError(w, r, http.StatusUnauthorized, "Sign in to continue",
			"Sign in with your Dialpad account to see this page.")
		return nil, false
	}
	return who, true
}
