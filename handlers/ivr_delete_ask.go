package handlers

import (
	"maps"
	"net/http"
	"slices"

	"switchboard/dialpad"
	"switchboard/views"
)

// Going back to Dialpad's default is a DELETE, and Dialpad's DELETE
// /customivrs/{target_type}/{target_id}/{ivr_type} deletes the recording
// itself. So a save that does it first shows what will be deleted, and
// only the confirmation, a POST of the sealed plan below, sends anything.

// ivrDeletePlan is a save waiting for its deletes to be confirmed.
type ivrDeletePlan struct {
	State   ivrState              `json:"s"` // what the form was rendered from: the save's base
	Send    dialpad.IVRSelections `json:"m"` // what the confirmation saves
	Shown   dialpad.IVRSelections `json:"f"` // the person's form, shown again on cancel
	Options map[string]string     `json:"o"`
}

func ivrDeleteSealKind(t ivrTarget) string { return "ivrdelete:" + t.Kind.Type + ":" + t.ID.String() }

// ivrDeletes lists, in catalogue order, the types send takes back to
// Dialpad's default from a custom recording in base.
func ivrDeletes(base, send dialpad.IVRSelections) []string {
	var out []string
	for _, t := range ivrSelectionTypes(base) {
		if !base[t].IsDefault() && send[t].IsDefault() {
			out = append(out, t)
		}
	}
	return out
}

// ivrSelectionTypes is the types of s in catalogue order, unknown ones last.
func ivrSelectionTypes(s dialpad.IVRSelections) []string {
	var out []string
	seen := map[string]bool{}
	for _, name := range dialpad.IVRTypeNames() {
		if _, ok := s[name]; ok {
			out = append(out, name)
			seen[name] = true
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s)) {
		if !seen[name] {
			out = append(out, name)
		}
	}
	return out
}

// saveOrAsk saves send, unless it deletes a recording: then nothing is
// sent and the person is asked first.
func (h *Handler) saveOrAsk(w http.ResponseWriter, r *http.Request, who *Identity, t ivrTarget, st ivrState, f ivrForm, send dialpad.IVRSelections) {
	if len(ivrDeletes(st.base(), send)) == 0 {
		h.saveIVRs(w, r, who, t, st, f, send)
		return
	}
	h.askIVRDeletes(w, r, t, ivrDeletePlan{State: st, Send: send, Shown: f.Mine, Options: f.Options})
}

// askIVRDeletes shows the confirmation: each recording that will be
// deleted, by type and name, and the other changes saved with them.
func (h *Handler) askIVRDeletes(w http.ResponseWriter, r *http.Request, t ivrTarget, p ivrDeletePlan) {
	token, err := h.seal(ivrDeleteSealKind(t), p)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	base := p.State.base()
	ivrs := ivrsOf(p.State.Types)
	v := views.IVRDeleteConfirm{
		Header: h.ivrHeader(r, t, true),
		Action: t.path() + "/delete",
		Back:   t.path(),
		Plan:   token,
	}
	for _, ty := range ivrDeletes(base, p.Send) {
		for _, id := range base[ty] {
			v.Deletes = append(v.Deletes, views.IVRDeleteItem{
				Type:      ty,
				ID:        id.String(),
				TypeLabel: dialpad.IVRTypeLabel(ty),
				Name:      ivrSelectionWords(ivrs, dialpad.IVRSelection{id}),
				// Dialpad deletes the recording, not one direction's use of it.
				BothDirections: p.Options[ty] != "",
			})
		}
	}
	for _, ty := range ivrSelectionTypes(p.Send) {
		if !p.Send[ty].Equal(base[ty]) {
			v.Others = append(v.Others, dialpad.IVRTypeLabel(ty)+": "+ivrSelectionWords(ivrs, base[ty])+" → "+ivrSelectionWords(ivrs, p.Send[ty]))
		}
	}
	h.Render(w, r, http.StatusOK, views.IVRDeleteConfirmPage(h.layout(r, "Delete recordings? · "+t.Name, ivrNav(t)), v), nil)
}
