package handlers

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// ivrPageView builds the assignments page from the state it was rendered
// from and the person's form (their choices, errors, conflict decisions).
func (h *Handler) ivrPageView(r *http.Request, t ivrTarget, st ivrState, token string, f ivrForm) views.IVRPage {
	canEdit := IdentityFrom(r.Context()).May(access.EditIVR, t.OfficeID)
	v := views.IVRPage{
		Header:         h.ivrHeader(r, t, canEdit),
		Action:         t.path(),
		UnassignAction: t.path() + "/unassign",
		Base:           token,
		ReadOnly:       !canEdit,
	}
	v.Header.HistoryHref = historyHref(IdentityFrom(r.Context()), audit.CustomIVR, ivrResourceID(t.Kind.Type, t.ID))
	if !canEdit {
		v.ReadOnlyNote = IdentityFrom(r.Context()).readOnlyReason(access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
	}
	base := st.base()
	byType := map[string][]dialpad.CustomIVR{}
	for _, ty := range st.Types {
		byType[ty.IVRType] = ty.IVRs
	}
	for _, sec := range ivrSections(st.Types) {
		vs := views.IVRSection{Key: sec.Key, Title: sec.Title, Lead: sec.Lead}
		for _, info := range sec.Types {
			row := h.ivrTypeRow(t, info, byType[info.Name], base[info.Name], f, canEdit)
			if len(byType[info.Name]) == 0 {
				vs.Empty = append(vs.Empty, row)
				continue
			}
			if len(row.Current) > 0 {
				vs.InUse++
			}
			if row.Error != "" {
				v.Problems = append(v.Problems, info.Label+": "+row.Error)
			}
			vs.Rows = append(vs.Rows, row)
		}
		v.InUse += vs.InUse
		v.HasChoices = v.HasChoices || len(vs.Rows) > 0
		v.Sections = append(v.Sections, vs)
	}
	return v
}

// ivrSections is the catalogue, with any type Dialpad lists that the
// catalogue does not know added to its last section ("Other").
func ivrSections(types []dialpad.CustomIVRType) []dialpad.IVRSection {
	secs := dialpad.IVRCatalog()
	last := &secs[len(secs)-1]
	for _, ty := range types {
		if _, ok := dialpad.LookupIVRType(ty.IVRType); !ok {
			last.Types = append(last.Types, dialpad.IVRTypeInfo{Name: ty.IVRType, Label: dialpad.IVRTypeLabel(ty.IVRType),
				Description: "A type Switchboard has no description for yet."})
		}
	}
	return secs
}

func (h *Handler) ivrTypeRow(t ivrTarget, info dialpad.IVRTypeInfo, ivrs []dialpad.CustomIVR, current dialpad.IVRSelection,
	f ivrForm, canEdit bool) views.IVRTypeRow {
	row := views.IVRTypeRow{
		Type:        info.Name,
		Label:       info.Label,
		Description: info.Description,
		Error:       f.FieldErrors[info.Name],
		CanUnassign: canEdit && !current.IsDefault(),
	}
	if t.Kind.canUpload() && canEdit {
		row.UploadHref = t.path() + "/upload?" + url.Values{"ivr_type": {info.Name}}.Encode()
	}
	ivrs = slices.Clone(ivrs)
	slices.SortStableFunc(ivrs, func(a, b dialpad.CustomIVR) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	for _, v := range ivrs {
		rec := h.ivrRecording(t, v)
		rec.Selected = slices.Contains(current, v.ID)
		row.Recordings = append(row.Recordings, rec)
		if rec.Selected {
			row.Current = append(row.Current, rec)
		}
	}
	mine := f.Mine[info.Name]
	row.Changed = !mine.Equal(current)
	row.Options = append(row.Options, views.Option{Value: "", Label: "Dialpad default", Selected: mine.IsDefault()})
	if len(current) > 1 {
		// A split recording notice can be kept as it is, not picked anew.
		row.Options = append(row.Options, views.Option{Value: current.String(),
			Label: "Keep both (one per direction)", Selected: mine.Equal(current)})
	}
	for _, v := range ivrs {
		row.Options = append(row.Options, views.Option{Value: v.ID.String(), Label: v.Name,
			Selected: mine.Equal(dialpad.IVRSelection{v.ID})})
	}
	if hasDirection(t, info.Name) {
		row.Direction = info.Name + ivrDirectionSuffix
		o := cmp.Or(f.Options[info.Name], directionBoth)
		row.Directions = []views.Option{
			{Value: directionBoth, Label: "For inbound and outbound calls", Selected: o == directionBoth},
			{Value: "inbound", Label: "For inbound calls only", Selected: o == "inbound"},
			{Value: "outbound", Label: "For outbound calls only", Selected: o == "outbound"},
		}
	}
	return row
}

func (h *Handler) ivrRecording(t ivrTarget, v dialpad.CustomIVR) views.IVRRecording {
	rec := views.IVRRecording{
		ID:          v.ID.String(),
		Name:        v.Name,
		Description: v.Description,
		Added:       ivrAdded(v.DateAdded),
		RenameHref:  t.path() + "/recordings/" + v.ID.String(),
	}
	if h.IVRAudio {
		rec.AudioURL = "/ivrs/audio/" + v.ID.String()
	}
	return rec
}

// ivrHeader names the target and offers what can be done from its page.
func (h *Handler) ivrHeader(r *http.Request, t ivrTarget, canEdit bool) views.IVRHeader {
	back, label := t.back()
	hd := views.IVRHeader{Kind: t.Kind.Singular, Plural: t.Kind.Plural, Name: t.Name, BackHref: back, BackLabel: label}
	switch {
	case !t.Kind.canUpload():
		hd.Note = "Dialpad's API takes new recordings for call centers, departments, offices, people and coaching teams only, " +
			"so none can be uploaded to this " + t.Kind.Singular + " here. Recordings it already has can still be chosen."
	case canEdit:
		hd.UploadHref = t.path() + "/upload"
	}
	// The copy flow is offered only to people who may copy somewhere.
	if _, ok := copyCandidatesOf(t.Kind); ok && IdentityFrom(r.Context()).MaySomewhere(access.CopyIVR) {
		hd.CopyHref = t.path() + "/copy"
		hd.CopyLabel = "Copy to other " + t.Kind.Plural
	}
	return hd
}

// ivrAdded words date_added, Unix milliseconds, as a date.
func ivrAdded(ms dialpad.Int) string {
	if ms <= 0 {
		return ""
	}
	return time.UnixMilli(int64(ms)).UTC().Format("2 Jan 2006")
}

// ivrSelectionWords names a selection: "Dialpad default", a recording's
// name, or "A and B".
func ivrSelectionWords(ivrs []dialpad.CustomIVR, s dialpad.IVRSelection) string {
	if s.IsDefault() {
		return "Dialpad default"
	}
	names := make([]string, len(s))
	for i, id := range s {
		names[i] = "recording " + id.String()
		for _, v := range ivrs {
			if v.ID == id {
				names[i] = v.Name
			}
		}
	}
	return strings.Join(names, " and ")
}

// ivrsOf flattens a target's list, for naming selections of any type.
func ivrsOf(types []dialpad.CustomIVRType) []dialpad.CustomIVR {
	var out []dialpad.CustomIVR
	for _, t := range types {
		out = append(out, t.IVRs...)
	}
	return out
}

// ivrNav is the top navigation section a target belongs to.
func ivrNav(t ivrTarget) string {
	switch t.Kind.Type {
	case dialpad.TargetCallCenter:
		return views.NavCallCenters
	case dialpad.TargetDepartment:
		return views.NavDepartments
	case dialpad.TargetCallRouter:
		return views.NavRouters
	}
	return views.NavOverview
}
