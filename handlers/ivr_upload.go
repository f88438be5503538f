package handlers

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

const (
	// ivrUploadMaxBody bounds the whole multipart body: the MP3 and a
	// little room for the other fields.
	ivrUploadMaxBody = dialpad.MaxMP3Bytes + 1<<20
	// ivrFieldMax bounds one text field; the sealed _base is the largest.
	ivrFieldMax = 70 << 10
)

// errUploadTooLarge marks a body or file over the limits.
var errUploadTooLarge = errors.New("handlers: upload larger than allowed")

// IVRUpload takes the upload form (multipart: ivr_type, name, description,
// file). The file must pass dialpad.SniffMP3 (not empty, at most 10 MB, an
// MP3) before it is base64-encoded into POST /customivrs; a wrong file or
// field answers 422 with a plain message and the other inputs kept, and
// sends nothing.
func (h *Handler) IVRUpload(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	t, ok := h.ivrUploadTarget(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, ivrUploadMaxBody)
	f, file, fileName, err := readIVRUpload(r)
	if err != nil && !errors.Is(err, errUploadTooLarge) {
		h.RenderError(w, r, http.StatusBadRequest, "Unreadable upload",
			"Switchboard could not read the upload, so nothing was sent to Dialpad. Try again.")
		return
	}
	var st ivrUploadState
	if !h.openSealed(w, r, ivrUploadKind(t), f.Base, t.path()+"/upload", &st) {
		return
	}
	t.Name, t.OfficeID = st.Target, st.OfficeID
	if !who.May(access.EditIVR, t.OfficeID) {
		h.refuseChange(w, r, access.EditIVR, ResourceCustomIVR, t.OfficeID, "this "+t.Kind.Singular+"'s office")
		return
	}
	f.FileName = fileName
	f.validate(file, fileName, err)
	if len(f.FieldErrors) > 0 {
		h.renderIVRUpload(w, r, http.StatusUnprocessableEntity, t, f, "")
		return
	}
	created, err := who.Client.CreateCustomIVR(r.Context(), dialpad.CreateCustomIVR{
		Name:        f.Name,
		Description: f.Description,
		File:        file,
		IVRType:     f.IVRType,
		TargetID:    t.ID,
		TargetType:  t.Kind.Type,
	})
	uploaded := f.Name
	if created != nil {
		uploaded = created.Name + " (" + created.ID.String() + ")"
	}
	h.audit(r.Context(), who, ivrResource(t), []audit.Change{auditChange(f.IVRType+" upload", nil, uploaded)}, err)
	if err != nil {
		h.ivrUploadFailure(w, r, t, f, err)
		return
	}
	h.logger().InfoContext(r.Context(), "ivrs: uploaded", "target_type", t.Kind.Type, "target_id", t.ID,
		"ivr_type", f.IVRType, "ivr_id", created.ID, "bytes", len(file))
	label := dialpad.IVRTypeLabel(f.IVRType)
	msg := "Uploaded “" + created.Name + "” for " + label + "."
	if created.Selected {
		msg += " Dialpad plays it from now on."
	} else {
		msg += " Pick it in the " + label + " list to play it."
	}
	h.Flash(r, msg)
	redirectAfterPost(w, r, t.path()+"#type-"+f.IVRType)
}

// readIVRUpload streams the multipart body: the text fields, and the file
// read up to one byte past the limit, so an oversized file is known as
// such without holding more of it. The form puts the file last, so the
// other fields are read even when the file is too large.
func readIVRUpload(r *http.Request) (f ivrUploadForm, file []byte, fileName string, err error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return f, nil, "", err
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return f, file, fileName, nil
		}
		if err != nil {
			return f, file, fileName, uploadErr(err)
		}
		if part.FormName() == "file" {
			fileName = part.FileName()
			file, err = io.ReadAll(io.LimitReader(part, dialpad.MaxMP3Bytes+1))
			if err == nil && len(file) > dialpad.MaxMP3Bytes {
				err = errUploadTooLarge
			}
			if err != nil {
				return f, file, fileName, uploadErr(err)
			}
			continue
		}
		v, err := readField(part)
		if err != nil {
			return f, file, fileName, uploadErr(err)
		}
		switch part.FormName() {
		case "_base":
			f.Base = v
		case "ivr_type":
			f.IVRType = v
		case "name":
			f.Name = strings.TrimSpace(v)
		case "description":
			f.Description = strings.TrimSpace(v)
		case "target_id":
			f.Targets = append(f.Targets, v)
		}
	}
}

func readField(p *multipart.Part) (string, error) {
	b, err := io.ReadAll(io.LimitReader(p, ivrFieldMax+1))
	if err == nil && len(b) > ivrFieldMax {
		err = errUploadTooLarge
	}
	return string(b), err
}

// uploadErr marks a body cut off by MaxBytesReader as too large.
func uploadErr(err error) error {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return errUploadTooLarge
	}
	return err
}

// validate checks the fields and the file; readErr is errUploadTooLarge
// when the body or file went past the limits.
func (f *ivrUploadForm) validate(file []byte, fileName string, readErr error) {
	f.FieldErrors = map[string]string{}
	if _, ok := dialpad.LookupIVRType(f.IVRType); !ok {
		f.FieldErrors["ivr_type"] = "Choose what the recording is for."
	}
	if f.Name == "" && fileName != "" {
		// The file's own name is a better default than Dialpad's "Untitled".
		f.Name = truncateRunes(strings.TrimSuffix(path.Base(strings.ReplaceAll(fileName, `\`, "/")), path.Ext(fileName)), ivrNameMax)
	}
	if n := utf8.RuneCountInString(f.Name); n > ivrNameMax {
		f.FieldErrors["name"] = tooLong(ivrNameMax, n)
	} else if msg := lineProblem(f.Name, "", dialpad.NormalizeLine); msg != "" {
		f.FieldErrors["name"] = msg
	}
	if n := utf8.RuneCountInString(f.Description); n > ivrDescriptionMax {
		f.FieldErrors["description"] = tooLong(ivrDescriptionMax, n)
	} else if msg := lineProblem(f.Description, "", dialpad.NormalizeLine); msg != "" {
		f.FieldErrors["description"] = msg
	}
	switch err := dialpad.SniffMP3(file); {
	case errors.Is(readErr, errUploadTooLarge), errors.Is(err, dialpad.ErrMP3TooLarge):
		f.FieldErrors["file"] = "This file is larger than 10 MB. Switchboard uploads recordings of at most 10 MB: shorten it or export it at a lower bitrate, then choose it again."
	case fileName == "" && len(file) == 0:
		f.FieldErrors["file"] = "Choose an MP3 file to upload."
	case errors.Is(err, dialpad.ErrMP3Empty):
		f.FieldErrors["file"] = "This file is empty. Choose the MP3 recording to upload."
	case err != nil:
		f.FieldErrors["file"] = "This file is not an MP3. Export the recording as MP3 and choose that file."
	}
}

// ivrUploadFailure shows the form again with Dialpad's failure in plain
// words; Dialpad refusing the file (400) is the person's to fix: 422.
func (h *Handler) ivrUploadFailure(w http.ResponseWriter, r *http.Request, t ivrTarget, f ivrUploadForm, err error) {
	status, msg, ok := h.formFailure(w, r, err, "ivrs: upload failed", "target_type", t.Kind.Type, "target_id", t.ID)
	if !ok {
		return
	}
	h.renderIVRUpload(w, r, status, t, f, msg)
}
