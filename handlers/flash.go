package handlers

import (
	"context"
	"net/http"
)

// flashKey is the session key of the one-time message.
const flashKey = "flash"

// Flash stores msg for the next full page, which shows it once. Pair it
// with a 303 redirect (post/redirect/get).
func (h *Handler) Flash(r *http.Request, msg string) {
	h.Sessions.Put(r.Context(), flashKey, msg)
}

// popFlash takes the pending flash, if any. Error pages may be rendered
// before the session middleware has run (a panic or a 404 outside it), and
// scs panics without session data, so that case reads as "no flash".
func (h *Handler) popFlash(ctx context.Context) (msg string) {
	if h.Sessions == nil {
		return ""
	}
	defer func() {
		if recover() != nil {
			msg = ""
		}
	}()
	return h.Sessions.PopString(ctx, flashKey)
}
