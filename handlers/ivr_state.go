package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// ivrState is what the assignments form was rendered from, sealed in its
// _base field: the target's name and office and its IVR list. The list is
// the three-way base of a save, and lets the form show again, with the
// person's choices, even when Dialpad is down.
type ivrState struct {
	Name     string                  `json:"n"`
	OfficeID dialpad.ID              `json:"o"`
	Types    []dialpad.CustomIVRType `json:"t"`
}

func newIVRState(t ivrTarget, types []dialpad.CustomIVRType) ivrState {
	st := ivrState{Name: t.Name, OfficeID: t.OfficeID}
	for _, ty := range types {
		c := dialpad.CustomIVRType{IVRType: ty.IVRType, IVRs: make([]dialpad.CustomIVR, len(ty.IVRs))}
		for i, v := range ty.IVRs {
			v.Text = "" // a text-to-speech script can be long and the page never shows it
			c.IVRs[i] = v
		}
		st.Types = append(st.Types, c)
	}
	return st
}

// base is the selections the page showed.
func (st ivrState) base() dialpad.IVRSelections { return dialpad.SelectionsOf(st.Types) }

// target fills in what the state knows about the target.
func (st ivrState) target(t ivrTarget) ivrTarget {
	t.Name, t.OfficeID = st.Name, st.OfficeID
	return t
}

func ivrSealKind(t ivrTarget) string { return "ivrs:" + t.Kind.Type + ":" + t.ID.String() }

func (h *Handler) sealIVRState(t ivrTarget, st ivrState) (string, error) {
	return h.seal(ivrSealKind(t), st)
}

// openSealed opens a posted _base sealed for kind; a missing, stale or
// altered one is answered with a 400 page pointing back to page.
func (h *Handler) openSealed(w http.ResponseWriter, r *http.Request, kind, token, page string, v any) bool {
	if err := h.unseal(kind, token, v); err != nil {
		h.logger().WarnContext(r.Context(), "form state refused", "path", r.URL.Path, "err", err)
		h.renderErrorView(w, r, views.ErrorView{
			Status:      http.StatusBadRequest,
			Title:       "This form is out of date",
			Message:     "Switchboard could not read what this form was based on, so nothing was sent to Dialpad. Open the page again and redo your change.",
			ActionHref:  page,
			ActionLabel: "Open the page again",
		})
		return false
	}
	return true
}
