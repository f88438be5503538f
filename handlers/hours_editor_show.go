package handlers

import (
	"cmp"
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// showHoursEditor renders the editor of one call center or department as
// Dialpad has it now. The resource is sealed into the form as its base, so
// the save diffs against exactly what the person saw.
func showHoursEditor[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T]) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	id, ok := h.editorID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	res, err := t.read(ctx, who.Client, id)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	g := t.get(*res)

	// The office (its name, its zone when the group has none) and the live
	// status only decorate the header: when they fail the page still edits.
	var (
		wg                   fanOut
		office               *dialpad.Office
		officeErr, statusErr error
		st                   editorStatus
	)
	if g.OfficeID != 0 {
		wg.Go(func() { office, officeErr = who.Client.Office(ctx, g.OfficeID) })
	}
	if t.status != nil {
		wg.Go(func() { st.live, statusErr = t.status(ctx, who.Client, id) })
	}
	if err := wg.Wait(); err != nil {
		h.ServerError(w, r, err)
		return
	}
	p := editorPage[T]{id: id, base: *res, tz: g.Timezone, form: formFromGroup(g)}
	p.office = officeLabel("", g.OfficeID)
	if officeErr != nil {
		h.logger().WarnContext(ctx, "editor: office not read", "office_id", g.OfficeID, "err", officeErr)
	} else if office != nil {
		p.office = officeLabel(office.Name, g.OfficeID)
		p.tz = cmp.Or(p.tz, office.Timezone)
	}
	if statusErr != nil {
		h.logger().WarnContext(ctx, "editor: live status not read", "kind", t.kind, "id", id, "err", statusErr)
		st = editorStatus{failed: true}
	}
	p.status = st

	p.token, err = h.seal(t.sealKind(id), *res)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	renderHoursEditor(h, w, r, t, http.StatusOK, p)
}

// renderHoursEditor writes the editor with status: the whole page, or to
// htmx the form alone, which it swaps in place.
func renderHoursEditor[T any](h *Handler, w http.ResponseWriter, r *http.Request, t hoursTarget[T], status int, p editorPage[T]) {
	v, err := t.view(IdentityFrom(r.Context()), p, h.now())
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	h.Render(w, r, status,
		views.HoursEditorPage(h.layout(r, v.Header.Name, t.nav), v),
		views.HoursEditorForm(v))
}
