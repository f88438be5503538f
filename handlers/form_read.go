package handlers

import (
	"net/http"
)

// maxFormBytes bounds a posted form. The largest is bulk apply: up to 100
// targets and a sealed base of a few KB; 1 MiB leaves ample room while
// keeping a crafted body from tying up memory.
const maxFormBytes = 1 << 20

// readForm parses a posted form of at most limit bytes. A body that is too
// large or cannot be parsed gets one plain 400 page and false: nothing
// reached Dialpad.
func (h *Handler) readForm(w http.ResponseWriter, r *http.Request, limit int64) bool {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		h.logger().WarnContext(r.Context(), "form not read", "path", r.URL.Path, "err", err)
		h.RenderError(w, r, http.StatusBadRequest, "The form could not be read",
			"Switchboard could not read what the form sent, so nothing was changed. Reload the page and try again.")
		return false
	}
	return true
}
