package handlers

import (
	"bytes"
	"context"
	"net/http"
	"strconv"

	"github.com/a-h/templ"
)

// Render writes page, or partial when htmx asked for a piece of a page, with
// status. It renders into a buffer first so a template error becomes a clean
// 500 instead of half a page under a 200. A nil partial always renders page.
func (h *Handler) Render(w http.ResponseWriter, r *http.Request, status int, page templ.Component, partial templ.Component) {
	c := page
	if partial != nil && wantsPartial(r) {
		c = partial
	}
	var buf bytes.Buffer
	// The data is already fetched: a deadline passing now must not turn a
	// finished page into an error.
	if err := c.Render(context.WithoutCancel(r.Context()), &buf); err != nil {
		h.ServerError(w, r, err)
		return
	}
	writeHTML(w, status, buf.Bytes())
}

// wantsPartial reports an htmx request for a fragment. Boosted requests and
// history restores replace the whole body, so they get the full page.
func wantsPartial(r *http.Request) bool {
	return r.Header.Get("HX-Request") == "true" &&
		r.Header.Get("HX-Boosted") != "true" &&
		r.Header.Get("HX-History-Restore-Request") != "true"
}

func writeHTML(w http.ResponseWriter, status int, body []byte) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	// The same URL answers a full page or a fragment; caches must keep both.
	hdr.Add("Vary", "HX-Request")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
