package handlers

import (
	"net/http"
	"net/url"
	"slices"

	"switchboard/views"
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

// A missing field is not an empty one. Every form reads its fields with
// the helpers below, by one rule:
//
//   - A field in the post is what the person sent.
//   - A field absent from the post but marked (views.FieldsMarker) was on
//     the form and left empty: an unchecked box, a day with no times.
//   - A field neither sent nor marked was not on the form the browser
//     posted (a crafted or partial post, an old page): it changes
//     nothing, and the caller keeps what it had (the base), or refuses
//     the post where nothing can stand in for it.

// postedValues is a field's values, and whether the post says anything
// about it; a marked, absent field is present with no values.
func postedValues(v url.Values, field string) ([]string, bool) {
	if vals, ok := v[field]; ok {
		return vals, true
	}
	return nil, slices.Contains(v[views.FieldsMarker], field)
}

// postedString sets *dst to a field's first value when the post says
// anything about it; "" when it is marked and absent.
func postedString(v url.Values, field string, dst *string) {
	if vals, ok := postedValues(v, field); ok {
		*dst = ""
		if len(vals) > 0 {
			*dst = vals[0]
		}
	}
}

// postedBool sets *dst from a checkbox valued "true" when the post says
// anything about it: checked is true, marked and absent is false.
func postedBool(v url.Values, field string, dst *bool) {
	if vals, ok := postedValues(v, field); ok {
		*dst = len(vals) > 0 && vals[0] == "true"
	}
}
