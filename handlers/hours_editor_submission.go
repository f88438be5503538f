package handlers

import (
	"errors"
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/formstate"
)

// readHoursSubmission reads a posted editor form: the fields as typed and
// the base it was rendered from, checked against its seal. A form that
// cannot be read, or whose base was altered or belongs to another
// resource, gets a plain 400 page and nothing goes to Dialpad.
func readHoursSubmission[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T], id dialpad.ID) (editorPage[T], bool) {
	if !h.readForm(w, r, maxEditorFormBytes) {
		return editorPage[T]{}, false
	}
	p := editorPage[T]{id: id, token: r.PostForm.Get("_base")}
	if err := h.unseal(t.sealKind(id), p.token, &p.base); err != nil {
		if !errors.Is(err, formstate.ErrTampered) {
			h.ServerError(w, r, err)
			return editorPage[T]{}, false
		}
		h.logger().WarnContext(r.Context(), "editor: form state rejected", "kind", t.kind, "id", id, "err", err)
		h.RenderError(w, r, http.StatusBadRequest, "This form can't be used",
			"The form was altered or belongs to another page, so nothing was sent to Dialpad. Reload the page and make your changes again.")
		return editorPage[T]{}, false
	}
	g := t.get(p.base)
	p.office = officeLabel(r.PostForm.Get("_office"), g.OfficeID)
	p.tz = g.Timezone
	p.form = parseHoursForm(r.PostForm, formFromGroup(g))
	return p, true
}

// mine is the person's edit: the base as the form says, with the fields
// they chose to take from Dialpad in a conflict put back.
func (t hoursTarget[T]) mine(p editorPage[T]) (typed, mine T, err error) {
	typed = t.set(p.base, p.form.apply(t.get(p.base)))
	mine, err = dialpad.TakeTheirs(typed, p.base, theirsChosen(p.form.Choices))
	return typed, mine, err
}
