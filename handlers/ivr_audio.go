package handlers

import (
	"bytes"
	"errors"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
)

// IVRAudioProxy plays a custom IVR in the page: it fetches the MP3 from the
// emulator's audio URL with the person's token and relays it, so the
// browser never holds a token. Dialpad's API has no audio URL, so outside
// demo mode (h.IVRAudio false) this is a 404 and pages show no player.
func (h *Handler) IVRAudioProxy(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	id, err := dialpad.ParseID(chi.URLParam(r, "ivr_id"))
	if !h.IVRAudio || err != nil || id == 0 {
		http.NotFound(w, r)
		return
	}
	audio, err := who.Client.IVRAudio(r.Context(), id)
	switch {
	case errors.Is(err, dialpad.ErrNotFound):
		http.NotFound(w, r)
		return
	case err != nil:
		h.logger().WarnContext(r.Context(), "ivrs: audio", "ivr_id", id, "err", err)
		http.Error(w, "The recording could not be loaded.", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "audio/mpeg")
	// The person's own rights fetched it: no shared cache may keep it.
	w.Header().Set("Cache-Control", "private, max-age=300")
	// ServeContent answers Range requests, which players use to seek.
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(audio))
}
