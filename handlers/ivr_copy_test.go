package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// copySetup gives UK Sales and Japan Sales recordings named like some of
// Sales' so a copy from Sales has something to select, to leave and to
// skip. It returns the writes a copy from Sales to both must send.
func copySetup(t *testing.T, s *ivrStack) (sales, japan, uk dialpad.ID, want []string) {
	t.Helper()
	sales, japan, uk = s.centerID("Sales"), s.centerID("Japan Sales"), s.centerID("UK Sales")
	s.upload(uk, "HOLD_MUSIC", "Smooth jazz loop") // already the same: nothing to send
	menu := s.upload(uk, "MENU", "UK menu")        // Sales plays the default: unassign
	jazz := s.upload(japan, "HOLD_MUSIC", " smooth JAZZ loop ")
	s.upload(japan, "HOLD_MUSIC", "Other music") // now selected instead
	spring := s.upload(japan, "GREETING", "Spring promotion greeting")
	if err := s.api.UnassignCustomIVR(t.Context(), dialpad.TargetCallCenter, japan, "GREETING", dialpad.AssignCustomIVR{IVRID: spring.ID}); err != nil {
		t.Fatal(err)
	}
	base := "/api/v2/customivrs/callcenter/"
	want = []string{
		"PATCH " + base + japan.String() + `/GREETING {"ivr_id":` + spring.ID.String() + `}`,
		"PATCH " + base + japan.String() + `/HOLD_MUSIC {"ivr_id":` + jazz.ID.String() + `}`,
		"DELETE " + base + uk.String() + `/MENU {"ivr_id":` + menu.ID.String() + `}`,
	}
	return sales, japan, uk, want
}

// preview posts the copy form with targets ticked and returns the preview.
func (s *ivrStack) preview(sales dialpad.ID, targets ...dialpad.ID) (string, url.Values) {
	s.t.Helper()
	res := s.b.Get(ivrPath(sales) + "/copy")
	if res.StatusCode != http.StatusOK {
		s.t.Fatalf("copy page: %d", res.StatusCode)
	}
	form := ivrFormOf(s.t, res.Body, "ivr-copy-form")
	for _, id := range targets {
		form.Add("target_id", id.String())
	}
	res = s.b.PostForm(ivrPath(sales)+"/copy", form)
	if res.StatusCode != http.StatusOK {
		s.t.Fatalf("preview: %d\n%s", res.StatusCode, res.Body)
	}
	return res.Body, ivrFormOf(s.t, res.Body, "ivr-copy-apply-form")
}

func TestIVRCopySendsOnlyWhatDiffers(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan, uk, want := copySetup(t, s)

	s.st.Emulator.ResetRequests()
	page, apply := s.preview(sales, japan, uk)
	s.wantWrites() // a preview sends nothing
	for _, w := range []string{
		`data-testid="ivr-copy-count">3 changes to send`,
		"Other music", "smooth JAZZ loop", // Japan Sales: hold music from → to
		"It has no recording called “Sales after-hours message”",
	} {
		if !strings.Contains(page, w) {
			t.Errorf("preview lacks %q", w)
		}
	}

	s.st.Emulator.ResetRequests()
	res := s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("apply: %d", res.StatusCode)
	}
	s.wantWrites(want...)
	if !strings.Contains(res.Body, `data-testid="ivr-copy-summary">3 done.`) {
		t.Errorf("results lack the summary")
	}
	if got := s.selection(uk, "MENU"); !got.IsDefault() {
		t.Errorf("UK Sales menu %v, want the default", got)
	}

	// Applying the same plan again: everything is in place, nothing goes out.
	s.st.Emulator.ResetRequests()
	res = s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	s.wantWrites()
	if !strings.Contains(res.Body, "0 done, 3 skipped.") || !strings.Contains(res.Body, "Already in place.") {
		t.Error("a second apply did not report everything in place")
	}
}

func TestIVRCopyFailuresAndChanges(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan, uk, want := copySetup(t, s)
	_, apply := s.preview(sales, japan, uk)

	// Since the preview, someone set UK Sales' menu back to the default;
	// and Dialpad rate-limits the first write.
	if err := s.api.UnassignCustomIVR(t.Context(), dialpad.TargetCallCenter, uk, "MENU",
		dialpad.AssignCustomIVR{IVRID: s.ivr(uk, "UK menu").ID}); err != nil {
		t.Fatal(err)
	}
	s.st.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/customivrs/*", Status: 429, RetryAfter: 30 * time.Second, Times: 1})
	s.st.Emulator.ResetRequests()
	res := s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("apply: %d", res.StatusCode)
	}
	// The rate-limited greeting failed; the hold music still went out.
	s.wantWrites(want[0], want[1])
	for _, w := range []string{"1 done, 1 failed, 1 skipped.", "try again in 30 seconds", "Already in place."} {
		if !strings.Contains(res.Body, w) {
			t.Errorf("results lack %q", w)
		}
	}
}

func TestIVRCopyTargetChoice(t *testing.T) {
	s := startIVRs(t, emulator.OfficeAdminUserID) // London only
	sales := s.centerID("UK Customer Care")
	res := s.b.Get(ivrPath(sales) + "/copy")
	if !regexp.MustCompile(`<input [^>]*disabled data-testid="ivr-copy-target-` + s.centerID("Japan Sales").String() + `"`).MatchString(res.Body) {
		t.Error("a call center the person cannot change is not disabled")
	}
	if strings.Contains(res.Body, `data-testid="ivr-copy-target-`+sales.String()+`"`) {
		t.Error("the source is offered as a target")
	}
	form := ivrFormOf(t, res.Body, "ivr-copy-form")
	for _, tt := range []struct {
		name    string
		targets []string
		want    string
	}{
		{"none", nil, "Choose at least one call center"},
		{"unknown", []string{"1234567890123456"}, "no longer exists"},
		{"not allowed", []string{s.centerID("Japan Sales").String()}, "You can&#39;t change Japan Sales"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			f["target_id"] = tt.targets
			s.st.Emulator.ResetRequests()
			res := s.b.PostForm(ivrPath(sales)+"/copy", f)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, tt.want) {
				t.Errorf("status %d, want 422 with %q", res.StatusCode, tt.want)
			}
			s.wantWrites()
		})
	}
	if res := s.b.Get("/ivrs/channel/1/copy"); res.StatusCode != http.StatusNotFound {
		t.Errorf("copy for a kind without a list: %d", res.StatusCode)
	}
}
