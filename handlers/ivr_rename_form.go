package handlers

import (
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// Dialpad's limits for a custom IVR's name and description.
const (
	ivrNameMax        = 100
	ivrDescriptionMax = 256
)

// ivrRenameState is what the rename form was rendered from.
type ivrRenameState struct {
	Target   string            `json:"n"`
	OfficeID dialpad.ID        `json:"o"`
	IVRType  string            `json:"t"`
	IVR      dialpad.CustomIVR `json:"i"`
}

// ivrRenameForm is the posted name and description.
type ivrRenameForm struct {
	Name        string
	Description string
	FieldErrors map[string]string
	Choices     map[string]string
}

// validate checks Dialpad's limits: a name of at most 100 characters, a
// description of at most 256, each one line of text. base is the recording
// as the form was rendered from it: what is left untouched goes back as is.
func (f *ivrRenameForm) validate(base dialpad.CustomIVR) {
	f.FieldErrors = map[string]string{}
	name, description := dialpad.NormalizeLine(f.Name), dialpad.NormalizeLine(f.Description)
	switch n := utf8.RuneCountInString(name); {
	case name == "":
		f.FieldErrors["name"] = "Give the recording a name."
	case n > ivrNameMax:
		f.FieldErrors["name"] = tooLong(ivrNameMax, n)
	default:
		if msg := lineProblem(f.Name, base.Name, dialpad.NormalizeLine); msg != "" {
			f.FieldErrors["name"] = msg
		}
	}
	if n := utf8.RuneCountInString(description); n > ivrDescriptionMax {
		f.FieldErrors["description"] = tooLong(ivrDescriptionMax, n)
	} else if msg := lineProblem(f.Description, base.Description, dialpad.NormalizeLine); msg != "" {
		f.FieldErrors["description"] = msg
	}
}

func tooLong(limit, n int) string {
	return "Dialpad takes at most " + strconv.Itoa(limit) + " characters here; this has " + strconv.Itoa(n) + "."
}

// IVRRenameForm shows the form that renames or redescribes a recording.
func (h *Handler) IVRRenameForm(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	t, ivrID, ok := h.ivrRecordingFromURL(w, r)
	if !ok {
		return
	}
	t, types, err := loadIVRs(r.Context(), who.Client, t)
	if err != nil {
		h.ivrLoadFailed(w, r, t, err)
		return
	}
	ivr, ivrType, found := dialpad.FindCustomIVR(types, ivrID)
	if !found {
		h.RenderError(w, r, http.StatusNotFound, "No such recording",
			t.Name+" has no custom recording with this id. It may have been deleted.")
		return
	}
	st := ivrRenameState{Target: t.Name, OfficeID: t.OfficeID, IVRType: ivrType, IVR: ivr}
	h.renderIVRRename(w, r, http.StatusOK, t, st, ivrRenameForm{Name: ivr.Name, Description: ivr.Description}, "", views.ConflictPanel{})
}

// ivrRecordingFromURL reads the target and {ivr_id} of a recording's URL.
func (h *Handler) ivrRecordingFromURL(w http.ResponseWriter, r *http.Request) (ivrTarget, dialpad.ID, bool) {
	t, ok := h.ivrTargetFromURL(w, r)
	if !ok {
		return t, 0, false
	}
	id, err := dialpad.ParseID(chi.URLParam(r, "ivr_id"))
	if err != nil || id == 0 {
		h.RenderError(w, r, http.StatusNotFound, "No such recording", "There is no custom recording at this address.")
		return t, 0, false
	}
	return t, id, true
}

func ivrRenameKind(t ivrTarget, ivrID dialpad.ID) string {
	return "ivr:" + t.Kind.Type + ":" + t.ID.String() + ":" + ivrID.String()
}

// renderIVRRename seals st and shows the rename form with f.
func (h *Handler) renderIVRRename(w http.ResponseWriter, r *http.Request, status int, t ivrTarget, st ivrRenameState,
	f ivrRenameForm, message string, conflict views.ConflictPanel) {
	token, err := h.seal(ivrRenameKind(t, st.IVR.ID), st)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	canEdit := IdentityFrom(r.Context()).May(access.EditIVR, t.OfficeID)
	rec := h.ivrRecording(t, st.IVR)
	v := views.IVRRename{
		Header:      h.ivrHeader(r, t, canEdit),
		Action:      rec.RenameHref,
		Base:        token,
		Recording:   rec,
		TypeLabel:   dialpad.IVRTypeLabel(st.IVRType),
		Name:        f.Name,
		Description: f.Description,
		FieldErrors: f.FieldErrors,
		Message:     message,
		Conflict:    conflict,
		ReadOnly:    !canEdit,
	}
	v.Header.BackHref, v.Header.BackLabel = t.path()+"#type-"+st.IVRType, "Custom IVRs of "+t.Name
	if !canEdit {
		v.ReadOnlyNote = IdentityFrom(r.Context()).readOnlyReason(access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
	}
	h.Render(w, r, status, views.IVRRenamePage(h.layout(r, "Rename "+st.IVR.Name, ivrNav(t)), v), nil)
}
