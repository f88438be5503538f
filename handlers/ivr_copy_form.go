package handlers

import (
	"errors"
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// IVRCopyForm is the first step of copying a target's assignments: pick
// the targets of the same kind that should play what this one plays.
func (h *Handler) IVRCopyForm(w http.ResponseWriter, r *http.Request) {
	who, t, load, ok := h.ivrCopyStart(w, r)
	if !ok {
		return
	}
	s, err := loadCopySetup(r.Context(), who.Client, t, load)
	if errors.Is(err, dialpad.ErrNotFound) {
		h.ivrTargetNotFound(w, r, t.Kind)
		return
	}
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	// "Choose other targets" on the preview comes back with its ticks, and
	// so do an office's "Select all" and "None" without JavaScript.
	q := r.URL.Query()
	checked := s.pick().checked(who, q)
	h.renderIVRCopy(w, r, http.StatusOK, s, h.copyFormView(r, s, checked, q.Get("reset_defaults") != "", ""))
}

// ivrCopyStart reads what every copy step needs: the person, the source
// from the URL, and how to list its kind (404 for kinds without a list).
func (h *Handler) ivrCopyStart(w http.ResponseWriter, r *http.Request) (*Identity, ivrTarget, candidateLoader, bool) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return nil, ivrTarget{}, nil, false
	}
	t, ok := h.ivrTargetFromURL(w, r)
	if !ok {
		return nil, t, nil, false
	}
	load, ok := copyCandidatesOf(t.Kind)
	if !ok {
		h.RenderError(w, r, http.StatusNotFound, "Nothing to copy to",
			"Switchboard cannot list "+t.Kind.Plural+", so it cannot copy their custom IVRs.")
		return nil, t, nil, false
	}
	return who, t, load, true
}

// pick is the copy's target picker: every other target of the kind.
func (s copySetup) pick() targetPick {
	return targetPick{kind: s.source.Kind, candidates: s.candidates, offices: s.offices, skip: s.source.ID, action: access.CopyIVR}
}

// copyFormView is the target picker with checked ticked, and the opt-in to
// reset types the source leaves at the default.
func (h *Handler) copyFormView(r *http.Request, s copySetup, checked []dialpad.ID, reset bool, problem string) views.IVRCopy {
	who := IdentityFrom(r.Context())
	v := views.IVRCopy{
		Header:        h.ivrHeader(r, s.source, who.May(access.EditIVR, s.source.OfficeID)),
		Action:        s.source.path() + "/copy",
		Error:         problem,
		ResetDefaults: reset,
	}
	v.Header.BackHref, v.Header.BackLabel = s.source.path(), "Custom IVRs of "+s.source.Name
	if s.source.Kind.canUpload() {
		v.UploadHref = s.source.path() + "/copy/upload"
	}
	v.Source = copySourceRows(s.types)
	v.Picker = s.pick().view(who, checked, v.Action, h.targetPickerScript())
	return v
}

// copySourceRows lists the types the source plays a custom recording for.
func copySourceRows(types []dialpad.CustomIVRType) []views.IVRCopySourceRow {
	sel := dialpad.SelectionsOf(types)
	ivrs := ivrsOf(types)
	var out []views.IVRCopySourceRow
	for _, name := range dialpad.IVRTypeNames() {
		if s := sel[name]; !s.IsDefault() {
			out = append(out, views.IVRCopySourceRow{Label: dialpad.IVRTypeLabel(name), Names: ivrSelectionWords(ivrs, s)})
		}
	}
	return out
}

func (h *Handler) renderIVRCopy(w http.ResponseWriter, r *http.Request, status int, s copySetup, v views.IVRCopy) {
	h.Render(w, r, status, views.IVRCopyFormPage(h.layout(r, "Copy custom IVRs · "+s.source.Name, ivrNav(s.source)), v), nil)
}

// targetPickerScript is the picker's script: select all / none in place
// and the filter. The picker works without it.
func (h *Handler) targetPickerScript() string {
	if h.Assets == nil {
		return ""
	}
	return h.Assets.URL("js/ivr_targets.js")
}
