package handlers

import (
	"errors"
	"net/http"
	"path"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// ivrUploadState is the target an upload form was rendered for, so a
// failed upload can show the form again without asking Dialpad.
type ivrUploadState struct {
	Target   string     `json:"n"`
	OfficeID dialpad.ID `json:"o"`
}

// ivrUploadForm is the posted upload, the file aside.
type ivrUploadForm struct {
	Base        string
	IVRType     string
	Name        string
	Description string
	FileName    string   // the file's name as posted, to ask for it again
	Targets     []string // target_id values: the upload to several targets
	FieldErrors map[string]string
}

func ivrUploadKind(t ivrTarget) string { return "ivrupload:" + t.Kind.Type + ":" + t.ID.String() }

// IVRUploadForm shows the form that uploads an MP3 as a new custom IVR,
// with ?ivr_type= preselected.
func (h *Handler) IVRUploadForm(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	t, ok := h.ivrUploadTarget(w, r)
	if !ok {
		return
	}
	t, err := loadIVRTarget(r.Context(), who.Client, t)
	if errors.Is(err, dialpad.ErrNotFound) {
		h.ivrTargetNotFound(w, r, t.Kind)
		return
	}
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	f := ivrUploadForm{IVRType: r.URL.Query().Get("ivr_type")}
	if _, ok := dialpad.LookupIVRType(f.IVRType); !ok {
		f.IVRType = ""
	}
	h.renderIVRUpload(w, r, http.StatusOK, t, f, "")
}

// ivrUploadTarget reads the target of an upload URL; kinds Dialpad takes
// no uploads for get a 404 page.
func (h *Handler) ivrUploadTarget(w http.ResponseWriter, r *http.Request) (ivrTarget, bool) {
	t, ok := h.ivrTargetFromURL(w, r)
	if !ok {
		return t, false
	}
	if !t.Kind.canUpload() {
		h.RenderError(w, r, http.StatusNotFound, "No uploads for "+t.Kind.Plural,
			"Dialpad takes new recordings for call centers, departments, offices, people and coaching teams only.")
		return t, false
	}
	return t, true
}

func (h *Handler) renderIVRUpload(w http.ResponseWriter, r *http.Request, status int, t ivrTarget, f ivrUploadForm, message string) {
	token, err := h.seal(ivrUploadKind(t), ivrUploadState{Target: t.Name, OfficeID: t.OfficeID})
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	canEdit := IdentityFrom(r.Context()).May(access.EditIVR, t.OfficeID)
	v := views.IVRUpload{
		Header:      h.ivrHeader(r, t, canEdit),
		Action:      t.path() + "/upload",
		Base:        token,
		Name:        f.Name,
		Description: f.Description,
		FieldErrors: f.FieldErrors,
		Message:     message,
		MaxMB:       dialpad.MaxMP3Bytes >> 20,
		FileAgain:   fileAgain(f),
		ReadOnly:    !canEdit,
	}
	v.Header.BackHref, v.Header.BackLabel = t.path(), "Custom IVRs of "+t.Name
	if !canEdit {
		v.ReadOnlyNote = IdentityFrom(r.Context()).readOnlyReason(access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
	}
	v.Types = ivrTypeGroups(f.IVRType)
	h.Render(w, r, status, views.IVRUploadPage(h.layout(r, "Upload a recording · "+t.Name, ivrNav(t)), v), nil)
}

// fileAgain names the file the person must choose again when the form comes
// back (browsers never refill a file input); "" when there was none, or when the file itself was refused (its
// own message says what to choose instead).
func fileAgain(f ivrUploadForm) string {
	if f.FileName == "" || f.FieldErrors["file"] != "" {
		return ""
	}
	return path.Base(strings.ReplaceAll(f.FileName, `\`, "/"))
}
