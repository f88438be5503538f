package handlers

import (
	"context"
	"net/http"
	"time"
)

// defaultPageDeadline bounds all of one page's Dialpad calls together:
// well inside the server's 60 s write timeout, and about as long as a
// person waits before giving up on a page.
const defaultPageDeadline = 10 * time.Second

// PageDeadline gives the request one deadline for every Dialpad call it
// makes (Handler.DialpadDeadline). When it passes, calls fail with
// context.DeadlineExceeded and the page answers 504 in plain words, with
// a posted form's input kept; Render ignores the deadline, so that answer
// still reaches the browser.
func (h *Handler) PageDeadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), h.pageDeadline())
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (h *Handler) pageDeadline() time.Duration {
	if h.DialpadDeadline > 0 {
		return h.DialpadDeadline
	}
	return defaultPageDeadline
}
