package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// ivrOutcomeUnknown answers an assignments save whose last request may have
// been applied (504 when Dialpad did not answer in time, 502 otherwise):
// the IVRs are read again, the form re-based on that read with the
// person's choices on top, and a panel sets each type they changed beside
// what Dialpad plays now. When even that read fails, the form comes back
// as chosen and says so.
func (h *Handler) ivrOutcomeUnknown(w http.ResponseWriter, r *http.Request, who *Identity, t ivrTarget, st ivrState,
	f ivrForm, saved dialpad.SavedIVRs, err error) {
	status := unknownOutcomeStatus(err)
	h.logger().WarnContext(r.Context(), "ivrs: save outcome unknown", "target_type", t.Kind.Type, "target_id", t.ID,
		"status", status, "err", err)
	msg := unknownOutcomeMessage(err)
	ctx, cancel := h.recheckContext(r.Context())
	defer cancel()
	types, rerr := who.Client.CustomIVRs(ctx, t.Kind.Type, t.ID)
	if rerr != nil {
		h.logger().WarnContext(r.Context(), "ivrs: read-back failed", "target_type", t.Kind.Type, "target_id", t.ID, "err", rerr)
		h.ivrFormAgain(w, r, status, t, st, f, msg+" "+unreadBack+inputKept)
		return
	}
	v, ok := h.ivrRebasedView(w, r, t, st, f, types)
	if !ok {
		return
	}
	v.Message = msg
	ivrs, now := ivrsOf(types), dialpad.SelectionsOf(types)
	v.Conflict = views.ConflictPanel{Kind: t.Kind.Singular, Unknown: true}
	for _, c := range saved.Changes {
		v.Conflict.Rows = append(v.Conflict.Rows, views.ConflictRow{
			Field:  c.IVRType,
			Label:  dialpad.IVRTypeLabel(c.IVRType),
			Mine:   ivrSelectionWords(ivrs, c.To),
			Theirs: ivrSelectionWords(ivrs, now[c.IVRType]),
		})
	}
	h.renderIVRPage(w, r, status, t, v)
}
