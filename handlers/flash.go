package handlers

import (
	"context"
	"net/http"
)

// The session keys of the one-time message: good news, or a warning
// (something went wrong), which the page shows in the warning style.
const (
	flashKey        = "flash"
	flashWarningKey = "flash_warning"
)

// Flash stores msg for the next full page, which shows it once. Pair it
// with a 303 redirect (post/redirect/get).
func (h *Handler) Flash(r *http.Request, msg string) {
	h.Sessions.Put(r.Context(), flashKey, msg)
}

// FlashWarning is Flash for bad news: a router Dialpad disabled, calls
// that failed, a save that could not do what was asked.
func (h *Handler) FlashWarning(r *http.Request, msg string) {
	h.Sessions.Put(r.Context(), flashWarningKey, msg)
}

// popFlashes takes the pending flash and warning, if any.
func (h *Handler) popFlashes(ctx context.Context) (msg string, warning bool) {
	if w := h.popFlash(ctx, flashWarningKey); w != "" {
		h.popFlash(ctx, flashKey) // one message at a time; the warning matters more
		return w, true
	}
	return h.popFlash(ctx, flashKey), false
}

// popFlash takes the pending message under key, if any. Error pages may be rendered
// before the session middleware has run (a panic or a 404 outside it), and
// scs panics without session data, so that case reads as "no flash".
func (h *Handler) popFlash(ctx context.Context, key string) (msg string) {
	if h.Sessions == nil {
		return ""
	}
	defer func() {
		if recover() != nil {
			msg = ""
		}
	}()
	return h.Sessions.PopString(ctx, key)
}
