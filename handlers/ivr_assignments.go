package handlers

import (
	"context"
	"errors"
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// IVRAssignments shows a target's custom IVRs: per IVR type, grouped in sections,
// what Dialpad plays and a select to change it.
func (h *Handler) IVRAssignments(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	t, ok := h.ivrTargetFromURL(w, r)
	if !ok {
		return
	}
	t, types, err := loadIVRs(r.Context(), who.Client, t)
	if err != nil {
		h.ivrLoadFailed(w, r, t, err)
		return
	}
	st := newIVRState(t, types)
	token, err := h.sealIVRState(t, st)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	v := h.ivrPageView(r, t, st, token, ivrForm{Mine: st.base()})
	h.renderIVRPage(w, r, http.StatusOK, t, v)
}

// errNoIVRList means Dialpad knows the target but answered 404 to its IVR
// list: a kind that keeps no custom IVRs there.
type errNoIVRList struct{ err error }

func (e *errNoIVRList) Error() string { return e.err.Error() }
func (e *errNoIVRList) Unwrap() error { return e.err }

// loadIVRs reads the target (for its name and office) and its IVR list at
// once.
func loadIVRs(ctx context.Context, c *dialpad.Client, t ivrTarget) (ivrTarget, []dialpad.CustomIVRType, error) {
	var (
		wg             fanOut
		found          ivrTarget
		types          []dialpad.CustomIVRType
		errTarget, err error
	)
	wg.Go(func() { found, errTarget = loadIVRTarget(ctx, c, t) })
	wg.Go(func() { types, err = c.CustomIVRs(ctx, t.Kind.Type, t.ID) })
	if perr := wg.Wait(); perr != nil {
		return t, nil, perr
	}
	switch {
	case errTarget != nil:
		return t, nil, errTarget
	case errors.Is(err, dialpad.ErrNotFound) && found.Found:
		return found, nil, &errNoIVRList{err}
	}
	return found, types, err
}

// ivrLoadFailed answers a failed loadIVRs: a 404 page that says what is
// missing, or the upstream failure in plain words.
func (h *Handler) ivrLoadFailed(w http.ResponseWriter, r *http.Request, t ivrTarget, err error) {
	if _, ok := errors.AsType[*errNoIVRList](err); ok {
		h.RenderError(w, r, http.StatusNotFound, "No custom IVRs here",
			"Dialpad keeps no custom IVRs for "+t.Name+", so there is nothing to show or change.")
		return
	}
	if errors.Is(err, dialpad.ErrNotFound) {
		h.ivrTargetNotFound(w, r, t.Kind)
		return
	}
	h.UpstreamError(w, r, err)
}

func (h *Handler) renderIVRPage(w http.ResponseWriter, r *http.Request, status int, t ivrTarget, v views.IVRPage) {
	h.Render(w, r, status, views.IVRAssignmentsPage(h.layout(r, "Custom IVRs · "+t.Name, ivrNav(t)), v), nil)
}
