package handlers

import (
	"bytes"
	"context"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"

	"switchboard/views"
)

// statusClientClosedRequest is nginx's convention for "the browser went
// away": the request log then tells it apart from a real answer.
const statusClientClosedRequest = 499

// RenderError shows an error page in the layout (signed in or not), or the
// bare error panel to htmx, with status.
func (h *Handler) RenderError(w http.ResponseWriter, r *http.Request, status int, title, message string) {
	h.renderErrorView(w, r, views.ErrorView{Status: status, Title: title, Message: message})
}

// RenderErrorAction is RenderError with one link onwards, for outcomes a
// person can act on ("You declined access" -> "Try again").
func (h *Handler) RenderErrorAction(w http.ResponseWriter, r *http.Request, status int, title, message, actionLabel, actionHref string) {
	h.renderErrorView(w, r, views.ErrorView{Status: status, Title: title, Message: message,
		ActionLabel: actionLabel, ActionHref: actionHref})
}

// ServerError logs err and shows a generic 500 page: the cause stays in the
// log, where only operators read it.
func (h *Handler) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	reqID := middleware.GetReqID(r.Context())
	h.logger().ErrorContext(r.Context(), "server error",
		"method", r.Method, "path", r.URL.Path, "request_id", reqID, "err", err)
	msg := "Switchboard hit an unexpected problem. Try again in a moment."
	if reqID != "" {
		msg += " If it keeps happening, quote reference " + reqID + "."
	}
	h.renderErrorView(w, r, views.ErrorView{
		Status:  http.StatusInternalServerError,
		Title:   "Something went wrong",
		Message: msg,
	})
}

// UpstreamError shows a failed Dialpad call in plain words with the status
// that fits it. Errors that did not come from talking to Dialpad are ours:
// they go to ServerError.
func (h *Handler) UpstreamError(w http.ResponseWriter, r *http.Request, err error) {
	p, ok := classifyUpstream(err)
	switch {
	case !ok:
		h.ServerError(w, r, err)
		return
	case p.status == statusClientClosedRequest:
		// Nobody is left to read a page.
		h.logger().DebugContext(r.Context(), "request cancelled", "path", r.URL.Path)
		w.WriteHeader(p.status)
		return
	}
	h.logger().WarnContext(r.Context(), "dialpad error",
		"method", r.Method, "path", r.URL.Path, "status", p.status, "err", err)
	if p.retryAfter > 0 {
		w.Header().Set("Retry-After", retryAfterHeader(p.retryAfter))
	}
	h.renderErrorView(w, r, views.ErrorView{
		Status:      p.status,
		Title:       p.title,
		Message:     p.message,
		ActionHref:  p.actionHref,
		ActionLabel: p.actionLabel,
	})
}

// renderErrorView renders the error without going through Render, so a
// failing template cannot loop back here; if even this fails, plain text.
func (h *Handler) renderErrorView(w http.ResponseWriter, r *http.Request, e views.ErrorView) {
	if e.ActionHref == "" && e.Status == http.StatusNotFound {
		e.ActionHref, e.ActionLabel = "/", "Back to the overview"
	}
	c := views.ErrorPage(h.layout(r, e.Title, ""), e)
	if wantsPartial(r) {
		c = views.ErrorPanel(e)
	}
	var buf bytes.Buffer
	// The request's deadline may be what failed; the page must still render.
	if err := c.Render(context.WithoutCancel(r.Context()), &buf); err != nil {
		h.logger().ErrorContext(r.Context(), "rendering error page", "path", r.URL.Path, "err", err)
		http.Error(w, e.Title+". "+e.Message, e.Status)
		return
	}
	writeHTML(w, e.Status, buf.Bytes())
}
