package handlers

import (
	"cmp"
	"errors"
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// uploadSetup is what the upload to several targets reads: the target
// whose page it was opened from, and every target of its kind.
type uploadSetup struct {
	source     ivrTarget
	candidates []copyCandidate
	offices    officeIndex
}

// pick lists every target of the kind, the page's own included.
func (s uploadSetup) pick() targetPick {
	return targetPick{kind: s.source.Kind, candidates: s.candidates, offices: s.offices, action: access.EditIVR}
}

// IVRCopyUploadForm shows the form that uploads one MP3 to several targets
// of a kind. Opened afresh it ticks the page's own target; an office's
// "Select all" or "None" (a GET of this form) comes back with its fields
// kept and that office ticked or cleared.
func (h *Handler) IVRCopyUploadForm(w http.ResponseWriter, r *http.Request) {
	who, s, ok := h.ivrCopyUploadStart(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	f := ivrUploadForm{
		IVRType:     q.Get("ivr_type"),
		Name:        strings.TrimSpace(q.Get("name")),
		Description: strings.TrimSpace(q.Get("description")),
		FileName:    q.Get("file"), // a GET carries only the chosen file's name
	}
	if _, ok := dialpad.LookupIVRType(f.IVRType); !ok {
		f.IVRType = ""
	}
	checked := s.pick().checked(who, q)
	if _, selecting := q["_select"]; !selecting && len(q["target_id"]) == 0 && who.May(access.EditIVR, s.source.OfficeID) {
		checked = []dialpad.ID{s.source.ID}
	}
	h.renderIVRCopyUpload(w, r, http.StatusOK, s, h.copyUploadView(r, s, f, checked))
}

// ivrCopyUploadStart reads the person, the page's target and every target
// of its kind; kinds Dialpad takes no uploads for, or that the console
// cannot list, get a 404 page.
func (h *Handler) ivrCopyUploadStart(w http.ResponseWriter, r *http.Request) (*Identity, uploadSetup, bool) {
	var s uploadSetup
	who, ok := h.signedIn(w, r)
	if !ok {
		return nil, s, false
	}
	t, ok := h.ivrUploadTarget(w, r)
	if !ok {
		return nil, s, false
	}
	load, ok := copyCandidatesOf(t.Kind)
	if !ok {
		h.RenderError(w, r, http.StatusNotFound, "Nothing to upload to",
			"Switchboard cannot list "+t.Kind.Plural+", so it cannot upload to several of them.")
		return nil, s, false
	}
	var (
		wg      fanOut
		offices []dialpad.Office
		errs    [3]error
	)
	ctx := r.Context()
	wg.Go(func() { s.source, errs[0] = loadIVRTarget(ctx, who.Client, t) })
	wg.Go(func() { s.candidates, errs[1] = load(ctx, who.Client) })
	wg.Go(func() { offices, errs[2] = who.Client.Offices(ctx) })
	err := wg.Wait()
	if err == nil {
		err = cmp.Or(errs[:]...)
	}
	switch {
	case errors.Is(err, dialpad.ErrNotFound):
		h.ivrTargetNotFound(w, r, t.Kind)
		return nil, s, false
	case err != nil:
		h.UpstreamError(w, r, err)
		return nil, s, false
	}
	s.offices = indexOffices(offices)
	return who, s, true
}

// copyUploadView is the form with f's fields and checked ticked.
func (h *Handler) copyUploadView(r *http.Request, s uploadSetup, f ivrUploadForm, checked []dialpad.ID) views.IVRCopyUpload {
	who := IdentityFrom(r.Context())
	action := s.source.path() + "/copy/upload"
	v := views.IVRCopyUpload{
		Header:      h.ivrHeader(r, s.source, who.May(access.EditIVR, s.source.OfficeID)),
		Action:      action,
		Types:       ivrTypeGroups(f.IVRType),
		Name:        f.Name,
		Description: f.Description,
		FieldErrors: f.FieldErrors,
		MaxMB:       dialpad.MaxMP3Bytes >> 20,
		FileAgain:   fileAgain(f),
		Picker:      s.pick().view(who, checked, action, h.targetPickerScript()),
	}
	v.Header.BackHref, v.Header.BackLabel = s.source.path(), "Custom IVRs of "+s.source.Name
	return v
}

func (h *Handler) renderIVRCopyUpload(w http.ResponseWriter, r *http.Request, status int, s uploadSetup, v views.IVRCopyUpload) {
	h.Render(w, r, status, views.IVRCopyUploadPage(h.layout(r, "Upload to several "+s.source.Kind.Plural+" · "+s.source.Name, ivrNav(s.source)), v), nil)
}

// ivrTypeGroups is the IVR types as <optgroup>s, selected preselected.
func ivrTypeGroups(selected string) []views.IVRTypeGroup {
	var out []views.IVRTypeGroup
	for _, s := range dialpad.IVRCatalog() {
		g := views.IVRTypeGroup{Label: s.Title}
		for _, ty := range s.Types {
			g.Options = append(g.Options, views.Option{Value: ty.Name, Label: ty.Label, Selected: ty.Name == selected})
		}
		out = append(out, g)
	}
	return out
}
