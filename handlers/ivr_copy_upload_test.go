package handlers_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/audit"
)

func copyUploadPath(source dialpad.ID) string { return ivrPath(source) + "/copy/upload" }

// copyUploadForm opens the upload to several call centers from source's
// page and returns its form with the fields set and targets ticked.
func (s *stack) copyUploadForm(source dialpad.ID, targets ...dialpad.ID) url.Values {
	s.t.Helper()
	_, form := s.openForm(copyUploadPath(source), "ivr-copy-upload-form")
	form.Set("ivr_type", "HOLD_MUSIC")
	form.Set("name", "Summer loop")
	form.Set("description", "Two minutes, calm")
	form.Del("target_id")
	for _, id := range targets {
		form.Add("target_id", id.String())
	}
	return form
}

// outcomeOf is the outcome row of the named target on the results page.
func outcomeOf(t *testing.T, body, name string) string {
	t.Helper()
	for _, row := range regexp.MustCompile(`(?s)<li class="ivr-outcome[^"]*" data-testid="ivr-upload-outcome">.*?</li>`).FindAllString(body, -1) {
		if strings.Contains(row, ">"+name+"</a>") {
			return row
		}
	}
	t.Fatalf("no outcome for %s:\n%s", name, body)
	return ""
}

// One MP3 goes to each chosen call center, one POST each; Dialpad refusing
// one (here the first) does not stop the rest, and the page says what came of each, with Dialpad's reason. Every
// upload is in the audit trail under its own call center, with its outcome.
func TestIVRCopyUploadToSeveral(t *testing.T) {
	opt, db := withAudit(t)
	s := startIVRs(t, emulator.AdminUserID, opt)
	sales, japan, uk, billing := s.callCenter("Sales"), s.callCenter("Japan Sales"), s.callCenter("UK Sales"), s.callCenter("Billing")

	form := s.copyUploadForm(sales.ID, sales.ID, japan.ID, uk.ID, billing.ID)
	t.Cleanup(s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPost, Path: "/api/v2/customivrs", Status: 400,
		Message: "target_id: this target takes no more recordings", Times: 1}))
	s.Emulator.ResetRequests()
	res := s.postMultipart(copyUploadPath(sales.ID), form, "summer.mp3", ivrMP3(4))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d:\n%s", res.StatusCode, res.Body)
	}
	posts := 0
	for _, w := range s.writes() {
		if w.Method == http.MethodPost && w.Path == "/api/v2/customivrs" {
			posts++
		}
	}
	if posts != 4 {
		t.Errorf("%d uploads sent, want one per target: %s", posts, s.writeLines())
	}
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"Sales", []string{"Refused by Dialpad", "target_id: this target takes no more recordings"}},
		{"Japan Sales", []string{"Uploaded", "“Summer loop” for Hold music."}},
		{"UK Sales", []string{"Uploaded"}},
		{"Billing", []string{"Uploaded"}},
	} {
		row := outcomeOf(t, res.Body, tt.name)
		for _, w := range tt.want {
			if !strings.Contains(row, w) {
				t.Errorf("%s: outcome lacks %q:\n%s", tt.name, w, row)
			}
		}
	}
	if want := "Uploaded to 3 of 4 call centers. 1 refused by Dialpad."; !strings.Contains(res.Body, `data-testid="ivr-upload-summary">`+want) {
		t.Errorf("summary lacks %q", want)
	}
	for _, cc := range []dialpad.CallCenter{japan, uk, billing} {
		s.ivr(cc.ID, "Summer loop") // fails the test when missing
	}

	entries := auditEntries(t, db)
	if len(entries) != 4 {
		t.Fatalf("%d audit entries, want one per target:\n%s", len(entries), describeEntries(entries))
	}
	for _, cc := range []dialpad.CallCenter{sales, japan, uk, billing} {
		w := wantEntry{audit.CustomIVR, "callcenter:" + cc.ID.String(), cc.Name, cc.OfficeID, []audit.Change{{Field: "HOLD_MUSIC upload", New: anyValue}}}
		e, ok := findEntry(entries, w)
		if !ok {
			t.Errorf("no audit entry for %s", cc.Name)
			continue
		}
		want := audit.Applied
		if cc.ID == sales.ID {
			want = audit.Refused
		}
		if e.Outcome.Result != want {
			t.Errorf("%s recorded as %v, want %v", cc.Name, e.Outcome.Result, want)
		}
	}
}

// An upload whose answer is lost may have been applied: the page says so
// for that target rather than claiming either way.
func TestIVRCopyUploadUnknownOutcome(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan := s.callCenter("Sales"), s.callCenter("Japan Sales")
	form := s.copyUploadForm(sales.ID, japan.ID, sales.ID)
	t.Cleanup(s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPost, Path: "/api/v2/customivrs", Drop: true, Applied: true, Times: 1}))
	res := s.postMultipart(copyUploadPath(sales.ID), form, "summer.mp3", ivrMP3(4))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if row := outcomeOf(t, res.Body, "Japan Sales"); !strings.Contains(row, "May have been applied") || !strings.Contains(row, "Open it to check") {
		t.Errorf("Japan Sales: %s", row)
	}
	if row := outcomeOf(t, res.Body, "Sales"); !strings.Contains(row, "Uploaded") {
		t.Errorf("Sales: %s", row)
	}
	if !strings.Contains(res.Body, "Uploaded to 1 of 2 call centers. 1 may have been applied.") {
		t.Error("summary does not count the unknown one apart")
	}
}

// A wrong file, field or target answers 422 beside the field, sends
// nothing, keeps every other input (targets ticked included) and asks for
// the file again unless the file itself was refused.
func TestIVRCopyUploadRejects(t *testing.T) {
	s := startIVRs(t, emulator.OfficeAdminUserID) // London only
	care, ukSales, japan := s.callCenter("UK Customer Care").ID, s.callCenter("UK Sales").ID, s.callCenter("Japan Sales").ID
	for _, tt := range []struct {
		name     string
		fileName string
		file     []byte
		edit     func(url.Values)
		field    string
		want     string
	}{
		{"not an MP3", "notes.txt", []byte("call us back later\n"), nil, "file", "This file is not an MP3"},
		{"no file", "", nil, nil, "file", "Choose an MP3 file"},
		{"empty file", "empty.mp3", []byte{}, nil, "file", "This file is empty"},
		{"no type", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("ivr_type", "") }, "ivr_type", "Choose what the recording is for"},
		{"long name", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Set("name", strings.Repeat("n", 101)) }, "name", "at most 100 characters"},
		{"no target", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Del("target_id") }, "target_id", "Choose at least one call center."},
		{"a target of another office", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Add("target_id", japan.String()) }, "target_id", "You can&#39;t change Japan Sales; leave it out."},
		{"an unknown target", "ok.mp3", ivrMP3(2), func(f url.Values) { f.Add("target_id", "1234567890123456") }, "target_id", "no longer exists"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			form := s.copyUploadForm(care, care, ukSales)
			if tt.edit != nil {
				tt.edit(form)
			}
			s.Emulator.ResetRequests()
			res := s.postMultipart(copyUploadPath(care), form, tt.fileName, tt.file)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if !strings.Contains(res.Body, `data-testid="field-error-`+tt.field+`"`) || !strings.Contains(res.Body, tt.want) {
				t.Errorf("no message %q beside %s", tt.want, tt.field)
			}
			s.nothingSent()
			asks := strings.Contains(res.Body, "Choose “"+tt.fileName+"” again: browsers don't keep a chosen file")
			if want := tt.field != "file"; asks != want {
				t.Errorf("asks to choose the file again: %v, want %v", asks, want)
			}
			again := formOf(t, res.Body, "ivr-copy-upload-form")
			for _, f := range []string{"ivr_type", "name", "description"} {
				if f != tt.field && again.Get(f) != form.Get(f) {
					t.Errorf("%s came back as %q, want %q", f, again.Get(f), form.Get(f))
				}
			}
			if tt.field != "target_id" {
				if got := again["target_id"]; len(got) != 2 || got[0] != care.String() || got[1] != ukSales.String() {
					t.Errorf("targets came back as %v, want both ticked", got)
				}
			}
		})
	}
}

// Without JavaScript an office's "Select all" is a GET of the same form:
// it comes back with that office's call centers ticked (those the person
// may change), every field kept, and the file asked for again.
func TestIVRCopyUploadSelectAllWithoutJS(t *testing.T) {
	s := startIVRs(t, emulator.OfficeAdminUserID) // London only
	care := s.callCenter("UK Customer Care")
	london, tokyo := s.office("London").ID.String(), s.office("Tokyo").ID.String()
	q := url.Values{"ivr_type": {"MENU"}, "name": {"Spring menu"}, "file": {"menu.mp3"}, "_select": {"all:" + london}}
	res := s.b.Get(copyUploadPath(care.ID) + "?" + q.Encode())
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	form := formOf(t, res.Body, "ivr-copy-upload-form")
	if form.Get("ivr_type") != "MENU" || form.Get("name") != "Spring menu" {
		t.Errorf("fields came back as %v", form)
	}
	if !strings.Contains(res.Body, "Choose “menu.mp3” again") {
		t.Error("the page does not ask for the file again")
	}
	var want []string
	ccs, err := s.api.CallCenters(t.Context(), dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range ccs {
		if cc.OfficeID.String() == london {
			want = append(want, cc.ID.String())
		}
	}
	if got := form["target_id"]; len(got) != len(want) || len(want) < 2 {
		t.Errorf("ticked %v, want London's %v", got, want)
	}
	if strings.Contains(res.Body, `data-testid="ivr-select-all-`+tokyo+`"`) {
		t.Error("Tokyo, which the person cannot change, offers select all")
	}
}

// The copy page says up front what a copy can and can't do, and links to
// the upload to several; call routers, which Dialpad takes no uploads for,
// say so instead.
func TestIVRCopySaysWhatItCanDo(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	res := s.b.Get(ivrPath(sales) + "/copy")
	for _, w := range []string{
		"Dialpad offers no way to download a recording, so a copy can't carry audio",
		`href="` + copyUploadPath(sales) + `" data-testid="ivr-copy-upload-link">upload the same MP3 to several call centers</a>`,
	} {
		if !strings.Contains(res.Body, w) {
			t.Errorf("copy page lacks %q", w)
		}
	}
	routers, err := s.api.CallRouters(t.Context(), dialpad.ListFilter{})
	if err != nil || len(routers) == 0 {
		t.Fatal("no routers", err)
	}
	res = s.b.Get("/ivrs/callrouter/" + routers[0].ID.String() + "/copy")
	if !strings.Contains(res.Body, "Dialpad takes no uploads for call routers") || strings.Contains(res.Body, "ivr-copy-upload-link") {
		t.Error("a router's copy page offers an upload")
	}
	if res := s.b.Get("/ivrs/callrouter/" + routers[0].ID.String() + "/copy/upload"); res.StatusCode != http.StatusNotFound {
		t.Errorf("upload to several routers: %d, want 404", res.StatusCode)
	}
}

// Where targets have no recording named like the source's, the preview
// lists that recording once with an upload to all of them, which opens the
// upload to several with its type, name and those targets filled in.
func TestIVRCopyPreviewOffersUploadForMissing(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan, uk, _ := copySetup(t, s)
	page, _ := s.preview(sales, japan, uk)
	m := regexp.MustCompile(`(?s)<span class="strong">Sales after-hours message</span> <span class="muted">\(([^)]*)\)</span>:\s*missing on 2 call centers.\s*<a href="([^"]*)" data-testid="ivr-copy-missing-upload">Upload it to all 2</a>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the preview offers no upload for the missing after-hours message:\n%s", page)
	}
	res := s.b.Get(html.UnescapeString(m[2]))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("upload link: %d", res.StatusCode)
	}
	form := formOf(t, res.Body, "ivr-copy-upload-form")
	if got := dialpad.IVRTypeLabel(form.Get("ivr_type")); got != m[1] || form.Get("name") != "Sales after-hours message" {
		t.Errorf("the upload opens with type %q (want %q) and name %q", got, m[1], form.Get("name"))
	}
	if got := sorted(form["target_id"]); !slices.Equal(got, sorted([]string{japan.String(), uk.String()})) {
		t.Errorf("the upload opens with %v ticked, want Japan Sales and UK Sales", got)
	}
}
