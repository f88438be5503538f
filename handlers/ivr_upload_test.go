package handlers_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// uploadForm opens the upload page of a call center and returns its form.
func (s *stack) uploadForm(center dialpad.ID, ivrType string) url.Values {
	s.t.Helper()
	_, form := s.openForm(ivrPath(center)+"/upload?ivr_type="+ivrType, "ivr-upload-form")
	return form
}

func TestIVRUploadRejectsWrongFiles(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	billing := s.callCenter("Billing").ID
	tooBig := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), make([]byte, dialpad.MaxMP3Bytes)...)
	for _, tt := range []struct {
		name     string
		fileName string
		file     []byte
		edit     func(url.Values)
		field    string
		want     string
	}{
		{"text file", "notes.txt", []byte("call us back later\n"), nil, "file", "not an MP3"},
		{"wav file", "hold.wav", []byte("RIFF\x24\x08\x00\x00WAVEfmt "), nil, "file", "not an MP3"},
		{"empty file", "empty.mp3", []byte{}, nil, "file", "This file is empty"},
		{"no file", "", nil, nil, "file", "Choose an MP3 file"},
		{"too large", "long.mp3", tooBig, nil, "file", "larger than 10 MB"},
		{"far too large", "huge.mp3", append(tooBig, make([]byte, 4<<20)...), nil, "file", "larger than 10 MB"},
		{"no type", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("ivr_type", "") }, "ivr_type", "Choose what the recording is for"},
		{"unknown type", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("ivr_type", "SONG") }, "ivr_type", "Choose what the recording is for"},
		{"long name", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("name", strings.Repeat("n", 101)) }, "name", "at most 100 characters"},
		{"long description", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("description", strings.Repeat("é", 257)) }, "description", "at most 256 characters"},
		{"name with a tab", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("name", "Ocean\twaves") }, "name", "control characters"},
		{"name not UTF-8", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("name", "Ocean \xff") }, "name", "not valid UTF-8"},
		{"description with a bell", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("description", "Calm\a") }, "description", "control characters"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := s.uploadForm(billing, "HOLD_MUSIC")
			form.Set("name", "Ocean waves")
			form.Set("description", "Calm, 2 minutes")
			if tt.edit != nil {
				tt.edit(form)
			}
			s.Emulator.ResetRequests()
			res := s.postMultipart(ivrPath(billing)+"/upload", form, tt.fileName, tt.file)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if !strings.Contains(res.Body, `data-testid="field-error-`+tt.field+`"`) || !strings.Contains(res.Body, tt.want) {
				t.Errorf("no message %q beside %s", tt.want, tt.field)
			}
			s.wantWrites()
			// A browser never refills a file input: the page asks for the
			// same file again, unless the file itself was refused.
			asks := strings.Contains(res.Body, `data-testid="file-again"`)
			if want := tt.field != "file"; asks != want || want && !strings.Contains(res.Body, "Choose “"+tt.fileName+"” again") {
				t.Errorf("asks to choose the file again: %v, want %v", asks, want)
			}
			// The other inputs are kept.
			again := formOf(t, res.Body, "ivr-upload-form")
			for _, f := range []string{"ivr_type", "name", "description"} {
				if f != tt.field && again.Get(f) != form.Get(f) {
					t.Errorf("%s came back as %q, want %q", f, again.Get(f), form.Get(f))
				}
			}
		})
	}
}

func TestIVRUploadSendsBase64AndLists(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	billing := s.callCenter("Billing").ID
	audio := ivrMP3(5)

	form := s.uploadForm(billing, "HOLD_MUSIC")
	if form.Get("ivr_type") != "HOLD_MUSIC" {
		t.Errorf("?ivr_type= did not preselect the type: %q", form.Get("ivr_type"))
	}
	form.Set("description", "Calm, 2 minutes")
	s.Emulator.ResetRequests()
	// No name: the file's name stands in.
	msg := s.flashAfter(s.postMultipart(ivrPath(billing)+"/upload", form, `C:\Music\Ocean waves.mp3`, audio))
	if !strings.Contains(msg, "Uploaded “Ocean waves” for Hold music") {
		t.Errorf("flash %q", msg)
	}
	reqs := s.Emulator.Requests()
	var posts []emulator.Request
	for _, r := range reqs {
		if r.Method == http.MethodPost {
			posts = append(posts, r)
		}
	}
	if len(posts) != 1 || posts[0].Path != "/api/v2/customivrs" || len(s.writes()) != 1 {
		t.Fatalf("want one POST /api/v2/customivrs, got %q", s.writeLines())
	}
	var body map[string]any
	if err := json.Unmarshal(posts[0].Body, &body); err != nil {
		t.Fatal(err)
	}
	file, _ := base64.StdEncoding.DecodeString(body["file"].(string))
	if !bytes.Equal(file, audio) || body["ivr_type"] != "HOLD_MUSIC" || body["target_type"] != "callcenter" ||
		body["name"] != "Ocean waves" || body["description"] != "Calm, 2 minutes" {
		t.Errorf("POST body %v", body)
	}

	// The new IVR is listed in the hold music select.
	res, _ := s.openIVRs(billing)
	created := s.ivr(billing, "Ocean waves")
	if !strings.Contains(res.Body, `<option value="`+created.ID.String()+`" selected>Ocean waves</option>`) {
		t.Error("the uploaded IVR is not in the hold music select")
	}
}

func TestIVRUploadReadOnlyAndUnsupported(t *testing.T) {
	s := startIVRs(t, emulator.ManagerUserID)
	sales := s.callCenter("Sales").ID
	res := s.b.Get(ivrPath(sales) + "/upload")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, `data-testid="read-only-note"`) || strings.Contains(res.Body, `data-testid="ivr-upload-save"`) {
		t.Errorf("manager's upload page: %d", res.StatusCode)
	}
	if res := s.b.Get("/ivrs/callrouter/1/upload"); res.StatusCode != http.StatusNotFound || !strings.Contains(res.Body, "No uploads for call routers") {
		t.Errorf("router upload page: %d", res.StatusCode)
	}
}

// Dialpad refusing or failing an upload shows its reason in plain words,
// keeps the other inputs and asks for the file again.
func TestIVRUploadUpstreamFailures(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	billing := s.callCenter("Billing").ID
	for _, tt := range []struct {
		name   string
		fault  emulator.Fault
		status int
		want   string
	}{
		{"400", emulator.Fault{Status: 400, Message: "file: audio too short"}, http.StatusUnprocessableEntity, "Dialpad says: file: audio too short"},
		{"503", emulator.Fault{Status: 503}, http.StatusBadGateway, "Dialpad answered with an error (503), so Switchboard cannot tell whether your change was saved"},
		{"403", emulator.Fault{Status: 403}, http.StatusForbidden, "have permission to change this"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := s.uploadForm(billing, "HOLD_MUSIC")
			form.Set("name", "Ocean waves")
			form.Set("description", "Calm, 2 minutes")
			f := tt.fault
			f.Method, f.Path = http.MethodPost, "/api/v2/customivrs"
			defer s.Emulator.InjectFault(f)()
			res := s.postMultipart(ivrPath(billing)+"/upload", form, "ocean.mp3", ivrMP3(3))
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			for _, want := range []string{tt.want, `data-testid="form-message"`, "Choose “ocean.mp3” again"} {
				if !strings.Contains(res.Body, want) {
					t.Errorf("page lacks %q", want)
				}
			}
			again := formOf(t, res.Body, "ivr-upload-form")
			for _, k := range []string{"ivr_type", "name", "description"} {
				if again.Get(k) != form.Get(k) {
					t.Errorf("%s came back as %q, want %q", k, again.Get(k), form.Get(k))
				}
			}
		})
	}
	for _, ty := range s.ivrTypes(dialpad.TargetCallCenter, billing) {
		for _, v := range ty.IVRs {
			if v.Name == "Ocean waves" {
				t.Error("a failed upload left a recording behind")
			}
		}
	}
}
