package handlers_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestIVRPage(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	jazz := s.ivr(sales, "Smooth jazz loop")
	res, form := s.openIVRs(sales)

	for _, want := range []string{
		`data-testid="ivr-target-name">Sales<`,
		"Hold queue and music", "Position announcements", "Surveys (CSAT)", "Recording",
		"Music that plays while callers wait.",
		"Licensed hold music, 3 minutes.", // description of the selected IVR
		"Added 1 Mar 2024",                // date_added, Unix ms
		`data-testid="ivr-empty-row-HOLD_POSITION_ONE"`,
		"No custom recordings yet",
		`href="/ivrs/callcenter/` + sales.String() + `/upload?ivr_type=HOLD_POSITION_ONE"`,
		`<audio class="ivr-audio" controls preload="none" src="/ivrs/audio/` + jazz.ID.String() + `"`,
		`href="/callcenters/` + sales.String() + `"`,
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if got := form.Get("HOLD_MUSIC"); got != jazz.ID.String() {
		t.Errorf("HOLD_MUSIC select = %q, want the selected IVR %s", got, jazz.ID)
	}
	if _, ok := form["HOLD_POSITION_ONE"]; ok {
		t.Error("a type without recordings has a select")
	}
	if _, ok := form["AUTO_RECORDING"+"__select_option"]; ok {
		t.Error("Sales has no recording notice, yet a direction select shows")
	}
	if form.Get("_base") == "" {
		t.Error("no sealed base")
	}
	for _, tok := range s.Tokens() {
		if strings.Contains(res.Body, tok) {
			t.Fatal("a Dialpad token reached the page")
		}
	}

	// A call center's recording notice has a direction select.
	_, care := s.openIVRs(s.callCenter("UK Customer Care").ID)
	if got := care.Get("AUTO_RECORDING__select_option"); got != "both" {
		t.Errorf("direction select = %q, want both", got)
	}

	// A router lists its IVRs but takes no uploads: the page says so.
	routers, err := s.api.CallRouters(t.Context(), dialpad.ListFilter{})
	if err != nil || len(routers) == 0 {
		t.Fatalf("routers: %v", err)
	}
	rt := s.b.Get("/ivrs/callrouter/" + routers[0].ID.String())
	for _, want := range []string{`data-testid="ivr-header-note"`, "none can be uploaded to this call router", `data-testid="ivr-target-name">` + routers[0].Name + `<`} {
		if rt.StatusCode != http.StatusOK || !strings.Contains(rt.Body, want) {
			t.Errorf("router IVR page: %d, lacks %q", rt.StatusCode, want)
		}
	}
	if strings.Contains(rt.Body, "/upload") || strings.Contains(rt.Body, `data-testid="ivr-save"`) {
		t.Error("the router IVR page, with nothing to choose, offers an upload or a save")
	}
	for _, tt := range []struct {
		path, want string
	}{
		{"/ivrs/planet/1", "No such kind of target"},
		{"/ivrs/callcenter/abc", "No such call center"},
		{"/ivrs/callcenter/1234567890123456", "No such call center"},
		{"/ivrs/department/1234567890123456", "No such department"},
	} {
		r := s.b.Get(tt.path)
		if r.StatusCode != http.StatusNotFound || !strings.Contains(r.Body, tt.want) {
			t.Errorf("GET %s: %d, want 404 with %q", tt.path, r.StatusCode, tt.want)
		}
	}
}

func TestIVRSaveSendsOnlyChangedTypes(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	japan := s.callCenter("Japan Support").ID
	koto := s.ivr(japan, "Koto hold music")
	path := "/api/v2/customivrs/callcenter/" + japan.String()

	t.Run("unchanged save sends nothing", func(t *testing.T) {
		_, form := s.openIVRs(japan)
		s.Emulator.ResetRequests()
		msg := s.flashAfter(s.b.PostForm(ivrPath(japan), form))
		s.wantWrites()
		if !strings.Contains(msg, "Nothing to save") {
			t.Errorf("flash %q", msg)
		}
	})

	t.Run("one changed type sends one PATCH", func(t *testing.T) {
		_, form := s.openIVRs(japan)
		form.Set("HOLD_MUSIC", koto.ID.String())
		s.Emulator.ResetRequests()
		msg := s.flashAfter(s.b.PostForm(ivrPath(japan), form))
		s.wantWrites("PATCH " + path + `/HOLD_MUSIC {"ivr_id":` + koto.ID.String() + `}`)
		if want := "Hold music: Dialpad default → Koto hold music"; !strings.Contains(msg, want) {
			t.Errorf("flash %q lacks %q", msg, want)
		}
		if got := s.selection(japan, "HOLD_MUSIC"); !got.Equal(dialpad.IVRSelection{koto.ID}) {
			t.Errorf("hold music now %v", got)
		}
	})

	// Dialpad default and the unassign button ask first: see
	// TestIVRDefaultAsksBeforeDeleting.
}

func TestIVRSaveRecordingDirection(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	care := s.callCenter("UK Customer Care").ID
	out := s.ivr(care, "Outbound recording notice (UK)")
	_, form := s.openIVRs(care)
	form.Set("AUTO_RECORDING", out.ID.String())
	form.Set("AUTO_RECORDING__select_option", "inbound")
	s.Emulator.ResetRequests()
	msg := s.flashAfter(s.b.PostForm(ivrPath(care), form))
	s.wantWrites("PATCH /api/v2/customivrs/callcenter/" + care.String() + `/AUTO_RECORDING {"ivr_id":` + out.ID.String() + `,"select_option":"inbound"}`)
	if !strings.Contains(msg, "(inbound calls)") {
		t.Errorf("flash %q", msg)
	}

	// A direction alone changes nothing in Dialpad: nothing goes out, and
	// the flash says why.
	_, form = s.openIVRs(care)
	form.Set("AUTO_RECORDING__select_option", "outbound")
	s.Emulator.ResetRequests()
	if msg := s.flashAfter(s.b.PostForm(ivrPath(care), form)); !strings.Contains(msg, "a call direction applies only together with a new choice") {
		t.Errorf("flash %q", msg)
	}
	s.wantWrites()

	_, form = s.openIVRs(care)
	form.Set("AUTO_RECORDING__select_option", "sideways")
	form.Set("AUTO_RECORDING", "")
	s.Emulator.ResetRequests()
	res := s.b.PostForm(ivrPath(care), form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Choose inbound calls, outbound calls or both.") {
		t.Errorf("bad direction: %d", res.StatusCode)
	}
	s.wantWrites()
}

func TestIVRSaveInvalidChoice(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	closed := s.ivr(sales, "Sales after-hours message")
	for _, tt := range []struct{ name, value string }{
		{"not an id", "jazz"},
		{"an IVR of another type", closed.ID.String()},
		{"two IVRs", closed.ID.String() + ",1"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, form := s.openIVRs(sales)
			form.Set("HOLD_MUSIC", tt.value)
			form.Set("GREETING", "") // a valid change that must not go out either
			s.Emulator.ResetRequests()
			res := s.b.PostForm(ivrPath(sales), form)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if !strings.Contains(res.Body, `data-testid="form-problems"`) || !strings.Contains(res.Body, "Hold music:") {
				t.Error("no problem named beside Hold music")
			}
			s.wantWrites()
			if again := formOf(t, res.Body, "ivr-form"); again.Get("GREETING") != "" {
				t.Errorf("the person's greeting choice was lost: %q", again.Get("GREETING"))
			}
		})
	}
}

func TestIVRSaveConflict(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	spring := s.ivr(sales, "Spring promotion greeting")
	standard := s.ivr(sales, "Standard sales greeting")
	_, form := s.openIVRs(sales)

	// Someone else picks the standard greeting meanwhile; the person picks
	// the default for the greeting and for the closed message.
	if _, err := s.api.AssignCustomIVR(t.Context(), dialpad.TargetCallCenter, sales, "GREETING", dialpad.AssignCustomIVR{IVRID: standard.ID}); err != nil {
		t.Fatal(err)
	}
	form.Set("GREETING", "")
	form.Set("CLOSED", "")
	closed := s.ivr(sales, "Sales after-hours message")
	s.Emulator.ResetRequests()
	res := s.confirmIVRDeletes(s.b.PostForm(ivrPath(sales), form))
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", res.StatusCode)
	}
	s.wantWrites()
	for _, want := range []string{`data-testid="conflict-panel"`, `data-testid="conflict-GREETING"`, "Standard sales greeting", "Dialpad default"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("conflict page lacks %q", want)
		}
	}
	if strings.Contains(res.Body, `data-testid="conflict-CLOSED"`) {
		t.Error("CLOSED is listed as a conflict; nobody else changed it")
	}
	again := formOf(t, res.Body, "ivr-form")
	if again.Get("CLOSED") != "" || again.Get("GREETING") != "" {
		t.Errorf("the person's choices were not kept: GREETING=%q CLOSED=%q", again.Get("GREETING"), again.Get("CLOSED"))
	}
	if again.Get("_base") == form.Get("_base") {
		t.Error("the form was not re-based on the fresh read")
	}

	// Take theirs for the greeting: only the closed message goes out.
	again.Set("_conflict.GREETING", "theirs")
	s.Emulator.ResetRequests()
	s.flashAfter(s.confirmIVRDeletes(s.b.PostForm(ivrPath(sales), again)))
	s.wantWrites("DELETE /api/v2/customivrs/callcenter/" + sales.String() + `/CLOSED {"ivr_id":` + closed.ID.String() + `}`)
	if got := s.selection(sales, "GREETING"); !got.Equal(dialpad.IVRSelection{standard.ID}) {
		t.Errorf("greeting %v, want theirs (%s); spring was %s", got, standard.ID, spring.ID)
	}
}

func TestIVRSaveUpstreamFailures(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	japan := s.callCenter("Japan Support").ID
	koto := s.ivr(japan, "Koto hold music")
	for _, tt := range []struct {
		name   string
		fault  emulator.Fault
		status int
		want   string
	}{
		{"503", emulator.Fault{Status: 503}, http.StatusBadGateway, "Dialpad answered with an error (503), so Switchboard cannot tell whether your change was saved"},
		{"429", emulator.Fault{Status: 429, RetryAfter: 42 * time.Second}, http.StatusTooManyRequests, "try again in 42 seconds"},
		{"400", emulator.Fault{Status: 400, Message: "ivr_id: not allowed today"}, http.StatusUnprocessableEntity, "Dialpad says: ivr_id: not allowed today"},
		{"403", emulator.Fault{Status: 403}, http.StatusForbidden, "have permission to change this"},
		{"404", emulator.Fault{Status: 404}, http.StatusNotFound, "Dialpad couldn&#39;t find it"},
		{"connection dropped", emulator.Fault{Drop: true}, http.StatusBadGateway, "Dialpad&#39;s answer was lost, so Switchboard cannot tell whether your change was saved"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, form := s.openIVRs(japan)
			form.Set("HOLD_MUSIC", koto.ID.String())
			f := tt.fault
			f.Method, f.Path = http.MethodPatch, "/api/v2/customivrs/*"
			clear := s.Emulator.InjectFault(f)
			defer clear()
			res := s.b.PostForm(ivrPath(japan), form)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if !strings.Contains(res.Body, tt.want) {
				t.Errorf("page lacks %q", tt.want)
			}
			if got := formOf(t, res.Body, "ivr-form").Get("HOLD_MUSIC"); got != koto.ID.String() {
				t.Errorf("the person's choice was lost: HOLD_MUSIC=%q", got)
			}
			if got := s.selection(japan, "HOLD_MUSIC"); !got.IsDefault() {
				t.Errorf("hold music changed to %v", got)
			}
		})
	}
}

func TestIVRManagerIsReadOnly(t *testing.T) {
	s := startIVRs(t, emulator.ManagerUserID)
	sales := s.callCenter("Sales").ID
	res := s.b.Get(ivrPath(sales))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{`data-testid="read-only-note"`, `<fieldset class="ivr-fieldset" disabled>`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, absent := range []string{`data-testid="ivr-save"`, `data-testid="ivr-upload-link"`, `data-testid="ivr-unassign-`} {
		if strings.Contains(res.Body, absent) {
			t.Errorf("read-only page offers %q", absent)
		}
	}
	// Posting anyway: refused before Dialpad, with the reason.
	form := formOf(t, res.Body, "ivr-form")
	form.Set("GREETING", "")
	s.Emulator.ResetRequests()
	res = s.b.PostForm(ivrPath(sales), form)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(res.Body, "Changing these recordings needs a Dialpad company admin") {
		t.Errorf("manager's post: %d", res.StatusCode)
	}
	s.nothingSent()
}

func TestIVRTamperedBase(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	_, form := s.openIVRs(sales)
	form.Set("_base", form.Get("_base")+"x")
	s.Emulator.ResetRequests()
	res := s.b.PostForm(ivrPath(sales), form)
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(res.Body, "This form is out of date") {
		t.Errorf("tampered base: %d", res.StatusCode)
	}
	// A base sealed for another call center is refused too.
	_, other := s.openIVRs(s.callCenter("Japan Support").ID)
	form.Set("_base", other.Get("_base"))
	if res := s.b.PostForm(ivrPath(sales), form); res.StatusCode != http.StatusBadRequest {
		t.Errorf("another target's base: %d", res.StatusCode)
	}
	s.wantWrites()
}

// The overview's offices and the call center and department lists link to
// each one's IVR page, and those pages work for every kind.
func TestIVRLinksAndKinds(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	re := regexp.MustCompile(`href="(/ivrs/(office|callcenter|department)/\d+)"`)
	for _, tt := range []struct {
		list, kind, want string
	}{
		{"/", "office", "Main line menu"},
		{"/callcenters", "callcenter", "Custom IVRs"},
		{"/departments", "department", "Custom IVRs"},
	} {
		page := s.b.Get(tt.list)
		var links []string
		for _, m := range re.FindAllStringSubmatch(page.Body, -1) {
			if m[2] == tt.kind {
				links = append(links, m[1])
			}
		}
		if len(links) == 0 {
			t.Errorf("%s links to no %s IVR page", tt.list, tt.kind)
			continue
		}
		found := false
		for _, l := range links {
			res := s.b.Get(l)
			if res.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %d", l, res.StatusCode)
			}
			found = found || strings.Contains(res.Body, tt.want)
		}
		if !found {
			t.Errorf("no %s IVR page shows %q", tt.kind, tt.want)
		}
	}
	// A call router's page links to its IVR page, which answers.
	routers, err := s.api.CallRouters(t.Context(), dialpad.ListFilter{})
	if err != nil || len(routers) == 0 {
		t.Fatalf("routers: %v", err)
	}
	page := s.b.Get("/routers/" + routers[0].ID.String())
	link := "/ivrs/callrouter/" + routers[0].ID.String()
	if !strings.Contains(page.Body, `href="`+link+`"`) {
		t.Errorf("the router page does not link to %s", link)
	}
	if res := s.b.Get(link); res.StatusCode != http.StatusOK {
		t.Errorf("GET %s: %d", link, res.StatusCode)
	}
}
