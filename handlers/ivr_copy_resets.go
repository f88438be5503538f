package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/views"
)

// askCopyResets shows the delete confirmation for a copy plan with resets
// to the default: each recording that will be deleted, by target, type and
// name, and the assignments sent with them. Its buttons post the same
// sealed plan back to /copy/apply: "_confirm" applies it, "_cancel" goes
// back to the picker. Nothing is sent before.
func (h *Handler) askCopyResets(w http.ResponseWriter, r *http.Request, t ivrTarget, plan ivrCopyPlan) {
	t.Name = plan.sourceName(t)
	v := views.IVRDeleteConfirm{
		Header: h.ivrHeader(r, t, true),
		Action: t.path() + "/copy/apply",
		Back:   t.path(),
		Plan:   r.PostForm.Get("_plan"),
	}
	for _, pt := range plan.Targets {
		for _, st := range pt.Steps {
			label := pt.Name + " · " + dialpad.IVRTypeLabel(st.IVRType)
			if !st.Reset {
				v.Others = append(v.Others, label+": "+st.FromWords+" → "+st.ToWords)
				continue
			}
			v.Deletes = append(v.Deletes, views.IVRDeleteItem{
				Type: st.IVRType, ID: st.From.String(), TypeLabel: label, Name: st.FromWords,
			})
		}
	}
	h.Render(w, r, http.StatusOK, views.IVRDeleteConfirmPage(h.layout(r, "Delete recordings? · "+t.Name, ivrNav(t)), v), nil)
}
