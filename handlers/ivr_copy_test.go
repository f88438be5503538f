package handlers_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// copySetup gives UK Sales and Japan Sales recordings named like some of
// Sales' so a copy from Sales has something to select, to leave alone and
// to skip. It returns the writes a copy from Sales to both must send: only
// PATCHes, never a DELETE.
func copySetup(t *testing.T, s *stack) (sales, japan, uk dialpad.ID, want []string) {
	t.Helper()
	sales, japan, uk = s.callCenter("Sales").ID, s.callCenter("Japan Sales").ID, s.callCenter("UK Sales").ID
	s.upload(uk, "HOLD_MUSIC", "Smooth jazz loop") // already the same: nothing to send
	s.upload(uk, "MENU", "UK menu")                // Sales plays the default: left alone, not deleted
	ukSpring := s.upload(uk, "GREETING", "Spring promotion greeting")
	s.upload(uk, "GREETING", "UK greeting") // now selected instead
	jazz := s.upload(japan, "HOLD_MUSIC", " smooth JAZZ loop ")
	s.upload(japan, "HOLD_MUSIC", "Other music") // now selected instead
	spring := s.upload(japan, "GREETING", "Spring promotion greeting")
	s.upload(japan, "GREETING", "Japan greeting") // now selected instead
	base := "/api/v2/customivrs/callcenter/"
	want = []string{
		"PATCH " + base + japan.String() + `/GREETING {"ivr_id":` + spring.ID.String() + `}`,
		"PATCH " + base + japan.String() + `/HOLD_MUSIC {"ivr_id":` + jazz.ID.String() + `}`,
		"PATCH " + base + uk.String() + `/GREETING {"ivr_id":` + ukSpring.ID.String() + `}`,
	}
	return sales, japan, uk, want
}

// preview posts the copy form with targets ticked and returns the preview.
func (s *stack) preview(sales dialpad.ID, targets ...dialpad.ID) (string, url.Values) {
	s.t.Helper()
	_, form := s.openForm(ivrPath(sales)+"/copy", "ivr-copy-form")
	for _, id := range targets {
		form.Add("target_id", id.String())
	}
	res := s.b.PostForm(ivrPath(sales)+"/copy", form)
	if res.StatusCode != http.StatusOK {
		s.t.Fatalf("preview: %d\n%s", res.StatusCode, res.Body)
	}
	return res.Body, formOf(s.t, res.Body, "ivr-copy-apply-form")
}

func TestIVRCopySendsOnlyWhatDiffers(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan, uk, want := copySetup(t, s)

	s.Emulator.ResetRequests()
	page, apply := s.preview(sales, japan, uk)
	s.wantWrites() // a preview sends nothing
	for _, w := range []string{
		`data-testid="ivr-copy-count">3 changes to send`,
		"Other music", "smooth JAZZ loop", // Japan Sales: hold music from → to
		"No recording named “Sales after-hours message” on UK Sales",
		// UK Sales' menu: Sales plays the default, and going there would delete it.
		"Left alone", "UK menu", "Going back to the default would delete UK Sales&#39;s recording, so the copy leaves this type alone.",
	} {
		if !strings.Contains(page, w) {
			t.Errorf("preview lacks %q", w)
		}
	}

	s.Emulator.ResetRequests()
	res := s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("apply: %d", res.StatusCode)
	}
	s.wantWrites(want...)
	if !strings.Contains(res.Body, `data-testid="ivr-copy-summary">Copy finished: 3 done.`) {
		t.Errorf("results lack the summary")
	}
	menu := s.ivr(uk, "UK menu") // still in Dialpad, and still playing
	if got := s.selection(uk, "MENU"); !got.Equal(dialpad.IVRSelection{menu.ID}) {
		t.Errorf("UK Sales menu %v, want its own recording %s kept", got, menu.ID)
	}

	// Applying the same plan again: everything is in place, nothing goes out.
	s.Emulator.ResetRequests()
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

	// Since the preview, someone picked UK Sales' spring greeting; and
	// Dialpad rate-limits the first write.
	if _, err := s.api.AssignCustomIVR(t.Context(), dialpad.TargetCallCenter, uk, "GREETING",
		dialpad.AssignCustomIVR{IVRID: s.ivr(uk, "Spring promotion greeting").ID}); err != nil {
		t.Fatal(err)
	}
	s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/customivrs/*", Status: 429, RetryAfter: 30 * time.Second, Times: 1})
	s.Emulator.ResetRequests()
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
	sales := s.callCenter("UK Customer Care").ID
	res := s.b.Get(ivrPath(sales) + "/copy")
	if !regexp.MustCompile(`<input [^>]*disabled data-testid="ivr-copy-target-` + s.callCenter("Japan Sales").ID.String() + `"`).MatchString(res.Body) {
		t.Error("a call center the person cannot change is not disabled")
	}
	if strings.Contains(res.Body, `data-testid="ivr-copy-target-`+sales.String()+`"`) {
		t.Error("the source is offered as a target")
	}
	form := formOf(t, res.Body, "ivr-copy-form")
	for _, tt := range []struct {
		name    string
		targets []string
		want    string
	}{
		{"none", nil, "Choose at least one call center"},
		{"unknown", []string{"1234567890123456"}, "no longer exists"},
		{"not allowed", []string{s.callCenter("Japan Sales").ID.String()}, "You can&#39;t change Japan Sales"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			f["target_id"] = tt.targets
			s.Emulator.ResetRequests()
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

// copyNextVals reads the hx-vals of the target block set to ask for itself
// (hx-trigger="load"); ok is false when there is none.
func copyNextVals(t *testing.T, body string) (url.Values, bool) {
	t.Helper()
	m := regexp.MustCompile(`<section[^>]*hx-trigger="load"[^>]*>`).FindString(body)
	if m == "" {
		return nil, false
	}
	raw := regexp.MustCompile(`hx-vals="([^"]*)"`).FindStringSubmatch(m)
	if raw == nil || !strings.Contains(m, `hx-include="#ivr-copy-plan"`) {
		t.Fatalf("the waiting target carries no values or no plan: %s", m)
	}
	var vals map[string]string
	if err := json.Unmarshal([]byte(html.UnescapeString(raw[1])), &vals); err != nil {
		t.Fatal(err)
	}
	out := url.Values{}
	for k, v := range vals {
		out.Set(k, v)
	}
	return out, true
}

// With htmx the copy is applied target by target: the first post sends
// nothing and shows every target waiting; each target then posts for
// itself, sends only its own changes and moves the progress on.
func TestIVRCopyRunTargetByTarget(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan, uk, want := copySetup(t, s)
	_, apply := s.preview(sales, japan, uk)
	path := ivrPath(sales) + "/copy/apply"

	s.Emulator.ResetRequests()
	res := s.b.HTMX(http.MethodPost, path, apply)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("start: %d", res.StatusCode)
	}
	s.wantWrites()
	for _, w := range []string{`data-testid="ivr-copy-run"`, "Applying… 0 of 2 call centers", `id="copy-target-0"`, `id="copy-target-1"`, "Waiting"} {
		if !strings.Contains(res.Body, w) {
			t.Errorf("run lacks %q", w)
		}
	}
	if strings.Contains(res.Body, "<html") {
		t.Error("htmx got a whole page")
	}

	for i, tt := range []struct {
		writes []string
		page   []string
	}{
		{want[:2], []string{"Applying… 1 of 2 call centers", "changes so far: 2 done.", `id="copy-target-1" hx-swap-oob="true"`}},
		{want[2:], []string{`data-testid="ivr-copy-summary">Copy finished: 3 done.`, "Back to Sales"}},
	} {
		vals, ok := copyNextVals(t, res.Body)
		if !ok {
			t.Fatalf("step %d: no target asks for itself", i)
		}
		if vals.Get("_target") != strconv.Itoa(i) {
			t.Fatalf("step %d asks for target %q", i, vals.Get("_target"))
		}
		vals.Set("_plan", apply.Get("_plan"))
		s.Emulator.ResetRequests()
		res = s.b.HTMX(http.MethodPost, path, vals)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("step %d: %d", i, res.StatusCode)
		}
		s.wantWrites(tt.writes...)
		for _, w := range tt.page {
			if !strings.Contains(res.Body, w) {
				t.Errorf("step %d lacks %q", i, w)
			}
		}
	}
	if _, ok := copyNextVals(t, res.Body); ok {
		t.Error("the last step asks for another")
	}

	bad := url.Values{"_plan": {apply.Get("_plan")}, "_target": {"7"}}
	if res := s.b.HTMX(http.MethodPost, path, bad); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a target out of the plan: %d, want 400", res.StatusCode)
	}
}

// With Dialpad's company limit on (20 requests/s), a copy to every other
// call center goes through without a single refusal: the console paces
// itself. Without its limiter the reads and writes come faster than Dialpad
// takes, and some items would fail with a rate limit.
func TestIVRCopyRespectsRateLimit(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID, webtest.WithEmulator(emulator.Options{CompanyRPS: 20}))
	sales := s.callCenter("Sales").ID
	ccs, err := s.api.CallCenters(t.Context(), dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var others []dialpad.ID
	for _, cc := range ccs {
		if cc.ID != sales {
			others = append(others, cc.ID)
		}
	}
	page, apply := s.preview(sales, others...)
	m := regexp.MustCompile(`data-testid="ivr-copy-count">(\d+) changes`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the preview counts no changes")
	}
	res := s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("apply: %d", res.StatusCode)
	}
	if want := `data-testid="ivr-copy-summary">Copy finished: ` + m[1] + ` done.`; !strings.Contains(res.Body, want) {
		got := regexp.MustCompile(`data-testid="ivr-copy-summary">([^<]*)`).FindStringSubmatch(res.Body)
		t.Errorf("summary %q, want %s done with nothing failed", got, m[1])
	}
	if strings.Contains(res.Body, "rate-limiting") {
		t.Error("Dialpad rate-limited the copy")
	}
	// Many of them play recordings where Sales plays the default: a copy
	// leaves those alone, it never deletes.
	for _, w := range s.writes() {
		if w.Method != http.MethodPatch {
			t.Errorf("a copy sent %s %s", w.Method, w.Path)
		}
	}
	if !strings.Contains(page, "Left alone") {
		t.Error("the preview does not say which types it leaves alone")
	}
}
