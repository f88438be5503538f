package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// previewOf is the preview block of the named target.
func previewOf(t *testing.T, body, name string) string {
	t.Helper()
	for _, sec := range regexp.MustCompile(`(?s)<section[^>]*data-testid="ivr-copy-preview-target"[^>]*>.*?</section>`).FindAllString(body, -1) {
		if strings.Contains(sec, ">"+name+"</a></h2>") {
			return sec
		}
	}
	t.Fatalf("no preview of %s:\n%s", name, body)
	return ""
}

// itemOf is the item of one IVR type in a target's preview.
func itemOf(t *testing.T, block, label string) string {
	t.Helper()
	for _, it := range regexp.MustCompile(`(?s)<li class="ivr-copy-item[^"]*" data-testid="ivr-copy-item">.*?</li>`).FindAllString(block, -1) {
		if strings.Contains(it, `<span class="strong">`+label+`</span>`) {
			return it
		}
	}
	t.Fatalf("no %s item in:\n%s", label, block)
	return ""
}

// Each kind of change has its own words in the preview, not only its
// own colour: an assignment, a type already the same, a type left alone,
// one that can't be copied (naming the recording missing) and, when asked
// for, a reset to the default.
func TestIVRCopyMarksEachKindOfChange(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, _, uk, _ := copySetup(t, s)
	after := s.ivr(sales, "Sales after-hours message")
	afterLabel := ""
	for _, ty := range s.ivrTypes(dialpad.TargetCallCenter, sales) {
		if slices.ContainsFunc(ty.IVRs, func(v dialpad.CustomIVR) bool { return v.ID == after.ID }) {
			afterLabel = dialpad.IVRTypeLabel(ty.IVRType)
		}
	}
	for _, tt := range []struct {
		reset bool
		items map[string]string // IVR type label -> mark
	}{
		{false, map[string]string{"Greeting": "Will assign", "Hold music": "Already the same", "Menu": "Left alone", afterLabel: "Can&#39;t copy"}},
		{true, map[string]string{"Greeting": "Will assign", "Hold music": "Already the same", "Menu": "Will reset to default", afterLabel: "Can&#39;t copy"}},
	} {
		_, form := s.openForm(ivrPath(sales)+"/copy", "ivr-copy-form")
		form.Set("target_id", uk.String())
		if tt.reset {
			form.Set("reset_defaults", "1")
		}
		res := s.b.PostForm(ivrPath(sales)+"/copy", form)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("preview: %d", res.StatusCode)
		}
		block := previewOf(t, res.Body, "UK Sales")
		for label, mark := range tt.items {
			if it := itemOf(t, block, label); !strings.Contains(it, ">"+mark+"</span>") {
				t.Errorf("reset %v: %s is not marked %q:\n%s", tt.reset, label, mark, it)
			}
		}
		if it := itemOf(t, block, afterLabel); !strings.Contains(it, "No recording named “Sales after-hours message” on UK Sales") {
			t.Errorf("the can't-copy item does not name the recording missing:\n%s", it)
		}
		if strings.Contains(block, "Will change") {
			t.Error("the preview still says the catch-all Will change")
		}
	}
}

// Types Sales leaves at the default are never reset on a target unless the
// person ticks the option; ticked, each reset is a DELETE that deletes the
// target's recording, so applying first names every recording on the
// delete confirmation and sends nothing; cancelling goes back to the picker
// with the choice kept; confirming sends the assignments and the deletes
// named, nothing else.
func TestIVRCopyResetToDefaultIsOptInAndConfirmed(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, _, uk, want := copySetup(t, s)
	menu := s.ivr(uk, "UK menu")
	_, form := s.openForm(ivrPath(sales)+"/copy", "ivr-copy-form")
	if _, on := form["reset_defaults"]; on {
		t.Fatal("the reset option is ticked by default")
	}
	form.Set("target_id", uk.String())
	form.Set("reset_defaults", "1")
	s.Emulator.ResetRequests()
	res := s.b.PostForm(ivrPath(sales)+"/copy", form)
	s.nothingSent()
	if strings.Contains(res.Body, `hx-post="`+ivrPath(sales)+`/copy/apply"`) {
		t.Error("a plan with resets is applied in place, past the confirmation")
	}
	apply := formOf(t, res.Body, "ivr-copy-apply-form")

	// Applying asks first, with or without htmx, at the first post or a step.
	for _, post := range []func() *webtest.Response{
		func() *webtest.Response { return s.b.PostForm(ivrPath(sales)+"/copy/apply", apply) },
		func() *webtest.Response {
			return s.b.HTMX(http.MethodPost, ivrPath(sales)+"/copy/apply", with(apply, "_target", "0"))
		},
	} {
		ask := post()
		if ask.StatusCode != http.StatusOK || !strings.Contains(ask.Body, `data-testid="ivr-delete-MENU-`+menu.ID.String()+`"`) ||
			!strings.Contains(ask.Body, "UK Sales · Menu") {
			t.Fatalf("apply did not ask before deleting UK Sales' menu: %d\n%s", ask.StatusCode, ask.Body)
		}
		s.nothingSent()
	}
	ask := s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	confirm := formOf(t, ask.Body, "ivr-delete-form")
	deletes := regexp.MustCompile(`data-testid="ivr-delete-([A-Z_]+)-(\d+)"`).FindAllStringSubmatch(ask.Body, -1)

	cancel := s.b.PostForm(ivrPath(sales)+"/copy/apply", with(confirm, "_cancel", "1"))
	if cancel.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d", cancel.StatusCode)
	}
	back, _ := url.Parse(cancel.Header.Get("Location"))
	if back.Path != ivrPath(sales)+"/copy" || back.Query().Get("reset_defaults") != "1" || back.Query().Get("target_id") != uk.String() {
		t.Errorf("cancel goes to %s, want the picker with UK Sales and the reset kept", back)
	}
	s.nothingSent()

	res = s.b.PostForm(ivrPath(sales)+"/copy/apply", with(confirm, "_confirm", "1"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("confirm: %d", res.StatusCode)
	}
	wantAll := slices.Clone(want[2:]) // UK Sales' greeting
	for _, d := range deletes {
		wantAll = append(wantAll, "DELETE /api/v2/customivrs/callcenter/"+uk.String()+"/"+d[1]+` {"ivr_id":`+d[2]+`}`)
	}
	got := s.writeLines()
	slices.Sort(got)
	slices.Sort(wantAll)
	if !slices.Equal(got, wantAll) {
		t.Errorf("Dialpad received\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(wantAll, "\n  "))
	}
	if !slices.Contains(got, "DELETE /api/v2/customivrs/callcenter/"+uk.String()+`/MENU {"ivr_id":`+menu.ID.String()+`}`) {
		t.Error("UK Sales' menu was not reset")
	}
	if sel := s.selection(uk, "MENU"); !sel.IsDefault() {
		t.Errorf("UK Sales' menu plays %v, want the default", sel)
	}
}
