package web

import (
	"bytes"
	"net/http"
	"strconv"

	"switchboard/views"
)

// authPage shows a sign-in outcome (declined, expired, signed out) in the
// signed-out layout, with one link onwards. handlers.RenderError has no
// room for the link, hence this small sibling.
func (s *Server) authPage(w http.ResponseWriter, r *http.Request, status int, e views.ErrorView) {
	l := views.LayoutData{
		Title: e.Title,
		CSS:   s.h.Assets.URL("css/app.css"),
		HTMX:  s.h.Assets.URL("vendor/htmx.min.js"),
		JS:    s.h.Assets.URL("js/app.js"),
	}
	var buf bytes.Buffer
	if err := views.ErrorPage(l, e).Render(r.Context(), &buf); err != nil {
		s.h.ServerError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
