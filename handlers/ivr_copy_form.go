package handlers

import (
	"errors"
	"net/http"
	"slices"

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
	// "Choose other targets" on the preview comes back with its ticks.
	var checked []dialpad.ID
	for _, raw := range r.URL.Query()["target_id"] {
		if id, err := dialpad.ParseID(raw); err == nil {
			checked = append(checked, id)
		}
	}
	h.renderIVRCopy(w, r, http.StatusOK, s, h.copyFormView(r, s, checked, ""))
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

// copyFormView is the target picker with checked ticked.
func (h *Handler) copyFormView(r *http.Request, s copySetup, checked []dialpad.ID, problem string) views.IVRCopy {
	who := IdentityFrom(r.Context())
	v := views.IVRCopy{
		Header: h.ivrHeader(r, s.source, who.May(access.EditIVR, s.source.OfficeID)),
		Action: s.source.path() + "/copy",
		Error:  problem,
	}
	v.Header.BackHref, v.Header.BackLabel = s.source.path(), "Custom IVRs of "+s.source.Name
	v.Source = copySourceRows(s.types)
	for _, c := range s.candidates {
		if c.ID == s.source.ID {
			continue
		}
		ct := views.IVRCopyTarget{ID: c.ID.String(), Name: c.Name, Checked: slices.Contains(checked, c.ID)}
		if s.source.Kind.Type != dialpad.TargetOffice {
			ct.Detail = s.offices.name(c.OfficeID)
		}
		if !who.May(access.CopyIVR, c.OfficeID) {
			ct.Disabled, ct.Checked = true, false
			ct.Detail = joinDetail(ct.Detail, "you can't change it")
		}
		v.Targets = append(v.Targets, ct)
	}
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

func joinDetail(a, b string) string {
	if a == "" {
		return b
	}
	return a + " · " + b
}

func (h *Handler) renderIVRCopy(w http.ResponseWriter, r *http.Request, status int, s copySetup, v views.IVRCopy) {
	h.Render(w, r, status, views.IVRCopyPage(h.layout(r, "Copy custom IVRs · "+s.source.Name, ivrNav(s.source)), v), nil)
}
