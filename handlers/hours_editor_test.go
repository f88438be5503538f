package handlers_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func ccPath(cc dialpad.CallCenter) string { return "/callcenters/" + cc.ID.String() }

func TestEditorShowsCallCenter(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	status, err := e.api.CallCenterStatus(t.Context(), cc.ID)
	if err != nil {
		t.Fatal(err)
	}
	res, form := e.openForm(ccPath(cc), "hours-form")
	body := res.Body

	for id, want := range map[string]string{
		"editor-name":     "Support Tier 2",
		"editor-office":   "New York HQ",
		"editor-timezone": "America/New_York",
		"status-source":   "Live status from Dialpad",
		"status-why":      "Dialpad's own open or closed state, holidays included.",
		"open-now":        map[string]string{"open": "Open", "closed": "Closed"}[status.Availability.Status],
		"pending-none":    "No changes yet. Edits show up here before you save.",
	} {
		if got := testText(body, id); got != want {
			t.Errorf("%s shows %q, want %q", id, got, want)
		}
	}
	if got := testText(body, "editor-local-time"); len(got) < len("Mon 15:04 EST") {
		t.Errorf("local time %q is not a weekday and a time", got)
	}
	wantForm := map[string][]string{
		"name":              {"Support Tier 2"},
		"group_description": {cc.GroupDescription},
		"ring_seconds":      {"35"},
		"hours_on":          {"true"},
		"monday_hours":      {"08:00", "12:00", "13:00", "17:00"},
		"saturday_hours":    nil,
	}
	for field, want := range wantForm {
		if got := form[field]; !slices.Equal(got, want) {
			t.Errorf("form field %s = %q, want %q", field, got, want)
		}
	}
	if form.Get("_base") == "" {
		t.Error("the form carries no sealed base")
	}
	for _, s := range []string{
		`href="/ivrs/callcenter/` + cc.ID.String() + `"`,
		`href="/callcenters"`,
		`data-testid="save"`,
		`data-testid="add-monday_hours"`,
		`data-testid="closed-saturday_hours"`,
		// 24-hour text inputs with a visible hint, never the browser's
		// locale-dependent type="time" ("05:00 PM").
		`type="text" name="monday_hours" value="08:00" inputmode="numeric" pattern=`,
		`aria-describedby="he-time-hint"`, `id="he-time-hint"`,
	} {
		if !strings.Contains(body, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	if strings.Contains(body, `type="time"`) {
		t.Error(`page has type="time" inputs, shown in the browser's locale`)
	}
	// Monday's bar has its two ranges.
	bar := body[strings.Index(body, `data-testid="bar-monday_hours"`):]
	bar = bar[:strings.Index(bar, "</svg>")]
	if n := strings.Count(bar, `data-testid="bar-segment"`); n != 2 {
		t.Errorf("Monday's bar has %d segments, want 2", n)
	}
	if !strings.Contains(bar, `x="480" y="3" width="240"`) || !strings.Contains(bar, `x="780" y="3" width="240"`) {
		t.Errorf("Monday's bar is not drawn at 08:00–12:00 and 13:00–17:00:\n%s", bar)
	}
}

func TestEditorComputesStatusWhenDialpadHasNone(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Sales")
	e.Emulator.InjectFault(emulator.Fault{Path: "/api/v2/callcenters/" + cc.ID.String() + "/status", Status: 503})
	res, _ := e.openForm(ccPath(cc), "hours-form")
	if got := testText(res.Body, "status-source"); !strings.Contains(got, "Computed") {
		t.Errorf("status source %q, want it to say it was computed", got)
	}
	loc, _ := time.LoadLocation("America/New_York")
	want := "Closed"
	if cc.OpenAt(e.Clock.Now().In(loc)) {
		want = "Open"
	}
	if got := testText(res.Body, "open-now"); got != want {
		t.Errorf("open now = %q, want %q from the hours", got, want)
	}
}

func TestSaveOneMondayRangeSendsOnlyMonday(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()

	res := e.b.PostForm(ccPath(cc), withDay(form, "monday_hours", "07:00", "11:00", "13:00", "17:00"))
	if res.StatusCode != http.StatusSeeOther || res.Location() != e.URL+ccPath(cc) {
		t.Fatalf("save answered %d to %q, want 303 to the page:\n%s", res.StatusCode, res.Location(), res.Body)
	}
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"monday_hours":["07:00","11:00","13:00","17:00"]}`)
	page := e.b.Follow(res)
	if got := testText(page.Body, "flash"); got != "Saved Monday hours." {
		t.Errorf("flash %q, want %q", got, "Saved Monday hours.")
	}
	if got := e.freshCallCenter(cc.ID).MondayHours; !slices.Equal(got, []string{"07:00", "11:00", "13:00", "17:00"}) {
		t.Errorf("Dialpad has Monday %q after the save", got)
	}
}

func TestSaveNamesEverythingItSent(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()

	edit := with(withDay(form, "monday_hours", "08:00", "12:00"), "ring_seconds", "20")
	res := e.b.PostForm(ccPath(cc), edit)
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"monday_hours":["08:00","12:00"],"ring_seconds":20}`)
	if got := testText(e.b.Follow(res).Body, "flash"); got != "Saved Monday hours and ring time." {
		t.Errorf("flash %q", got)
	}
}

func TestSaveWithoutChangesSendsNothing(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()

	res := e.b.PostForm(ccPath(cc), form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", res.StatusCode)
	}
	e.nothingSent()
	if got := testText(e.b.Follow(res).Body, "flash"); got != "No changes to save — nothing was sent to Dialpad." {
		t.Errorf("flash %q", got)
	}
}

func TestSaveKeepsRingTimeChangedUpstream(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	// Someone changes the ring time in Dialpad while the form is open.
	if err := e.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) { c.RingSeconds = 42 }); err != nil {
		t.Fatal(err)
	}
	e.Emulator.ResetRequests()

	res := e.b.PostForm(ccPath(cc), withDay(form, "monday_hours", "09:00", "17:00"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303:\n%s", res.StatusCode, res.Body)
	}
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"monday_hours":["09:00","17:00"]}`)
	got := e.freshCallCenter(cc.ID)
	if got.RingSeconds != 42 {
		t.Errorf("ring time is %d after the save; the upstream 42 was overwritten", got.RingSeconds)
	}
	if !slices.Equal(got.MondayHours, []string{"09:00", "17:00"}) {
		t.Errorf("Monday is %q", got.MondayHours)
	}
}

// Two tabs on the same call center: each form carries its own base, so
// the second save sends only its own change and keeps the first's.
func TestTwoTabsKeepEachOthersChanges(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, tab1 := e.openForm(ccPath(cc), "hours-form")
	_, tab2 := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()

	if res := e.b.PostForm(ccPath(cc), withDay(tab1, "monday_hours", "06:00", "14:00")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first tab: %d:\n%s", res.StatusCode, res.Body)
	}
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"monday_hours":["06:00","14:00"]}`)
	e.Emulator.ResetRequests()
	if res := e.b.PostForm(ccPath(cc), with(tab2, "ring_seconds", "12")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("second tab: %d:\n%s", res.StatusCode, res.Body)
	}
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"ring_seconds":12}`)
	if got := e.freshCallCenter(cc.ID); got.RingSeconds != 12 || !slices.Equal(got.MondayHours, []string{"06:00", "14:00"}) {
		t.Errorf("Dialpad has ring %d, Monday %q; want 12 and the first tab's 06:00–14:00", got.RingSeconds, got.MondayHours)
	}
}

func TestSameFieldConflict(t *testing.T) {
	for _, choice := range []string{"mine", "theirs"} {
		t.Run(choice, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID)
			cc := e.callCenter("Support Tier 2")
			_, form := e.openForm(ccPath(cc), "hours-form")
			if err := e.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) {
				c.MondayHours = []string{"10:00", "16:00"}
				c.RingSeconds = 25 // an unrelated upstream change, kept either way
			}); err != nil {
				t.Fatal(err)
			}
			e.Emulator.ResetRequests()

			edit := with(withDay(form, "monday_hours", "07:00", "11:00", "13:00", "19:00"), "name", "Support Tier 2 (escalations)")
			res := e.b.PostForm(ccPath(cc), edit)
			if res.StatusCode != http.StatusConflict {
				t.Fatalf("status %d, want 409:\n%s", res.StatusCode, res.Body)
			}
			e.nothingSent()
			row := testText(res.Body, "conflict-monday_hours")
			for _, want := range []string{"Monday hours", "07:00–11:00, 13:00–19:00", "10:00–16:00"} {
				if !strings.Contains(row, want) {
					t.Errorf("conflict row %q lacks %q", row, want)
				}
			}
			for _, want := range []string{"Your value", "Current value in Dialpad"} {
				if !strings.Contains(res.Body, want) {
					t.Errorf("conflict panel lacks %q", want)
				}
			}
			again := formOf(t, res.Body, "hours-form")
			if again.Get("_base") == form.Get("_base") {
				t.Error("the form was not re-based on the fresh read")
			}
			// The re-rendered form keeps the person's edits and shows the
			// upstream ring time rather than the one the form started with.
			if got := again["monday_hours"]; !slices.Equal(got, []string{"07:00", "11:00", "13:00", "19:00"}) {
				t.Errorf("re-rendered Monday %q, want the person's", got)
			}
			if again.Get("name") != "Support Tier 2 (escalations)" || again.Get("ring_seconds") != "25" {
				t.Errorf("re-rendered name %q, ring %q", again.Get("name"), again.Get("ring_seconds"))
			}
			if again.Get("_conflict.monday_hours") != "mine" {
				t.Errorf("keep mine is not preselected: %q", again.Get("_conflict.monday_hours"))
			}

			e.Emulator.ResetRequests()
			again.Set("_conflict.monday_hours", choice)
			res = e.b.PostForm(ccPath(cc), again)
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("second save: %d, want 303:\n%s", res.StatusCode, res.Body)
			}
			wantMonday := []string{"07:00", "11:00", "13:00", "19:00"}
			body := `{"monday_hours":["07:00","11:00","13:00","19:00"],"name":"Support Tier 2 (escalations)"}`
			if choice == "theirs" {
				wantMonday = []string{"10:00", "16:00"}
				body = `{"name":"Support Tier 2 (escalations)"}`
			}
			e.onePatch("/api/v2/callcenters/"+cc.ID.String(), body)
			got := e.freshCallCenter(cc.ID)
			if !slices.Equal(got.MondayHours, wantMonday) || got.RingSeconds != 25 {
				t.Errorf("Dialpad has Monday %q, ring %d; want %q, 25", got.MondayHours, got.RingSeconds, wantMonday)
			}
		})
	}
}

func TestInvalidInputIs422(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(form map[string][]string)
		errorID  string // the message beside the field
		message  string
		keptText string // what the person typed, still in the page
	}{
		{"overlapping ranges", func(f map[string][]string) {
			f["monday_hours"] = []string{"08:00", "12:00", "11:00", "17:00"}
		}, "error-monday_hours.1", "Overlaps the range above it (08:00-12:00).", `value="11:00"`},
		{"closes before it opens", func(f map[string][]string) {
			f["tuesday_hours"] = []string{"17:05", "09:00"}
		}, "error-tuesday_hours.0", "Closes (09:00) before it opens (17:05): a night shift? Split it at midnight.", `value="17:05"`},
		{"not a time", func(f map[string][]string) {
			f["wednesday_hours"] = []string{"25:00", "18:00"}
		}, "error-wednesday_hours.0", `Opening time "25:00" is not a 24-hour time like 09:00.`, `value="25:00"`},
		{"odd count", func(f map[string][]string) {
			f["thursday_hours"] = []string{"08:00", "12:00", "13:10"}
		}, "error-thursday_hours", "3 times given; every range needs an opening and a closing time.", `value="13:10"`},
		{"half a range", func(f map[string][]string) {
			f["friday_hours"] = []string{"08:05", ""}
		}, "error-friday_hours.0", "Enter both an opening and a closing time.", `value="08:05"`},
		{"ring time too short", func(f map[string][]string) {
			f["ring_seconds"] = []string{"9"}
		}, "error-ring_seconds", "Must be between 10 and 45 seconds, not 9.", `value="9"`},
		{"ring time not a number", func(f map[string][]string) {
			f["ring_seconds"] = []string{"thirty"}
		}, "error-ring_seconds", "Must be a whole number of seconds, like 30.", `value="thirty"`},
		{"empty name", func(f map[string][]string) {
			f["name"] = []string{"  "}
		}, "error-name", "Enter a name.", `name="name" value="  "`},
		{"long name", func(f map[string][]string) {
			f["name"] = []string{strings.Repeat("n", 101)}
		}, "error-name", "101 characters long; Dialpad allows at most 100.", strings.Repeat("n", 101)},
		{"long description", func(f map[string][]string) {
			f["group_description"] = []string{strings.Repeat("d", 257)}
		}, "error-group_description", "257 characters long; Dialpad allows at most 256.", strings.Repeat("d", 257)},
	}
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.Emulator.ResetRequests()
			edit := clone(form)
			tt.edit(edit)
			// A valid change elsewhere must not be sent either.
			edit["saturday_hours"] = []string{"09:00", "12:00"}
			res := e.b.PostForm(ccPath(cc), edit)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if reqs := e.Emulator.Requests(); len(reqs) > 0 {
				t.Errorf("Dialpad was asked %d times; invalid input must not reach it: %s", len(reqs), describe(reqs))
			}
			if got := testText(res.Body, tt.errorID); got != tt.message {
				t.Errorf("%s = %q, want %q", tt.errorID, got, tt.message)
			}
			if !strings.Contains(testText(res.Body, "form-problems"), "Fix 1 problem before saving") {
				t.Errorf("no summary at the top: %q", testText(res.Body, "form-problems"))
			}
			if !strings.Contains(res.Body, tt.keptText) {
				t.Errorf("the input %s was not kept", tt.keptText)
			}
			kept := formOf(t, res.Body, "hours-form")
			if !slices.Equal(kept["saturday_hours"], []string{"09:00", "12:00"}) {
				t.Errorf("Saturday as typed was lost: %q", kept["saturday_hours"])
			}
			if kept.Get("_base") != form.Get("_base") {
				t.Error("the form's base changed on a validation error")
			}
		})
	}
}

// Every problem is listed, each beside its own field.
func TestInvalidInputListsEveryProblem(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Sales")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()
	edit := with(withDay(form, "monday_hours", "12:00", "08:00", "", "", "07:00", "09:00"), "ring_seconds", "50", "name", "")
	res := e.b.PostForm(ccPath(cc), edit)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	e.nothingSent()
	summary := testText(res.Body, "form-problems")
	for _, want := range []string{
		"Fix 3 problems before saving",
		"Name: enter a name",
		"Ring time: must be between 10 and 45 seconds, not 50",
		"Monday, range 1: closes (08:00) before it opens (12:00)",
	} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary %q lacks %q", summary, want)
		}
	}
	// The blank pair in the middle is kept on the page, so the range after
	// it is the third, and its inputs are where the person left them.
	if got := formOf(t, res.Body, "hours-form")["monday_hours"]; !slices.Equal(got, []string{"12:00", "08:00", "", "", "07:00", "09:00"}) {
		t.Errorf("Monday as typed was not kept: %q", got)
	}
}

func TestTamperedBaseIs400(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	other := e.callCenter("Billing")
	_, form := e.openForm(ccPath(cc), "hours-form")
	_, otherForm := e.openForm(ccPath(other), "hours-form")
	token := form.Get("_base")
	flipped := []byte(token)
	flipped[len(flipped)/2] ^= 1

	for name, base := range map[string]string{
		"altered":               string(flipped),
		"missing":               "",
		"another call center's": otherForm.Get("_base"),
		"cut short":             token[:len(token)-8],
		"rewritten start":       "AQ" + token[2:],
	} {
		t.Run(name, func(t *testing.T) {
			e.Emulator.ResetRequests()
			res := e.b.PostForm(ccPath(cc), with(withDay(form, "monday_hours", "09:00", "10:00"), "_base", base))
			if res.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", res.StatusCode)
			}
			if reqs := e.Emulator.Requests(); len(reqs) > 0 {
				t.Errorf("Dialpad was asked: %s", describe(reqs))
			}
			if got := testText(res.Body, "error-message"); !strings.Contains(got, "nothing was sent to Dialpad") {
				t.Errorf("page says %q", got)
			}
			if strings.Contains(res.Body, `data-testid="hours-form"`) {
				t.Error("a form with a forged base was shown again")
			}
		})
	}
}

func TestUpstreamFailureKeepsInput(t *testing.T) {
	tests := []struct {
		name       string
		fault      emulator.Fault
		status     int
		message    string
		retryAfter string
	}{
		{"rate limited", emulator.Fault{Status: 429, RetryAfter: 42 * time.Second}, http.StatusTooManyRequests,
			"Dialpad is rate-limiting requests; try again in 42 seconds.", "42"},
		{"refused", emulator.Fault{Status: 400, Message: "monday_hours: range 2 is not allowed on holidays"}, http.StatusUnprocessableEntity,
			"Dialpad says: monday_hours: range 2 is not allowed on holidays", ""},
		{"gone", emulator.Fault{Status: 404}, http.StatusNotFound,
			"Dialpad couldn't find it — it may have been deleted.", ""},
		{"forbidden", emulator.Fault{Status: 403}, http.StatusForbidden,
			"You don't have permission to change this in Dialpad.", ""},
	}
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	edit := with(withDay(form, "monday_hours", "06:30", "11:45"), "name", "Escalations & more")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.fault
			f.Method, f.Path, f.Times = http.MethodPatch, "/api/v2/callcenters/"+cc.ID.String(), 1
			e.Emulator.InjectFault(f)
			res := e.b.PostForm(ccPath(cc), edit)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if got := testText(res.Body, "form-message"); got != tt.message {
				t.Errorf("message %q, want %q", got, tt.message)
			}
			if got := res.Header.Get("Retry-After"); got != tt.retryAfter {
				t.Errorf("Retry-After %q, want %q", got, tt.retryAfter)
			}
			kept := formOf(t, res.Body, "hours-form")
			if !slices.Equal(kept["monday_hours"], []string{"06:30", "11:45"}) || kept.Get("name") != "Escalations & more" {
				t.Errorf("input lost: Monday %q, name %q", kept["monday_hours"], kept.Get("name"))
			}
			if kept.Get("_base") != form.Get("_base") {
				t.Error("the base changed after a failed save")
			}
		})
	}
	// Nothing got through: Dialpad still has the seed.
	if got := e.freshCallCenter(cc.ID); got.Name != "Support Tier 2" || !slices.Equal(got.MondayHours, cc.MondayHours) {
		t.Errorf("Dialpad changed: %q %q", got.Name, got.MondayHours)
	}
}

func TestHoursOffSendsOnlyHoursOn(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Billing")
	res, form := e.openForm(ccPath(cc), "hours-form")
	if !strings.Contains(res.Body, `data-testid="inactive-note"`) {
		t.Error("the page has no note for when business hours are off")
	}
	e.Emulator.ResetRequests()
	form.Del("hours_on") // an unticked checkbox is not sent
	res = e.b.PostForm(ccPath(cc), form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", res.StatusCode, res.Body)
	}
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"hours_on":false}`)
	got := e.freshCallCenter(cc.ID)
	if got.HoursOn || len(cc.MondayHours) == 0 || !slices.Equal(got.MondayHours, cc.MondayHours) {
		t.Errorf("Dialpad has hours_on %v, Monday %q; want off with Monday %q kept", got.HoursOn, got.MondayHours, cc.MondayHours)
	}
	page := e.b.Follow(res)
	if got := testText(page.Body, "flash"); got != "Saved business hours switch." {
		t.Errorf("flash %q", got)
	}
	if strings.Contains(page.Body, `name="hours_on" value="true" checked`) {
		t.Error("the switch still shows on")
	}
}

func TestActionsWithoutJavaScript(t *testing.T) {
	weekday := []string{"09:00", "17:00"}
	tests := []struct {
		action string
		want   map[string][]string // form fields after the action
	}{
		{"add:monday_hours", map[string][]string{"monday_hours": {"08:00", "12:00", "13:00", "17:00", "", ""}}},
		{"add:sunday_hours", map[string][]string{"sunday_hours": {"", ""}}},
		{"remove:monday_hours:0", map[string][]string{"monday_hours": {"13:00", "17:00"}}},
		{"copy:monday_hours:weekdays", map[string][]string{
			"friday_hours":   {"08:00", "12:00", "13:00", "17:00"},
			"saturday_hours": nil,
		}},
		{"copy:monday_hours:all", map[string][]string{
			"saturday_hours": {"08:00", "12:00", "13:00", "17:00"},
			"sunday_hours":   {"08:00", "12:00", "13:00", "17:00"},
		}},
		{"preset:weekdays", map[string][]string{
			"hours_on": {"true"}, "monday_hours": weekday, "friday_hours": weekday, "saturday_hours": nil,
		}},
		{"preset:always", map[string][]string{"hours_on": nil, "monday_hours": {"08:00", "12:00", "13:00", "17:00"}}},
		{"preset:closed", map[string][]string{"hours_on": {"true"}, "monday_hours": nil, "wednesday_hours": nil}},
	}
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			e.Emulator.ResetRequests()
			res := e.b.PostForm(ccPath(cc), with(form, "_action", tt.action))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200:\n%s", res.StatusCode, res.Body)
			}
			if reqs := e.Emulator.Requests(); len(reqs) > 0 {
				t.Errorf("an action reached Dialpad: %s", describe(reqs))
			}
			if !strings.Contains(res.Body, "<html") {
				t.Error("without htmx an action answers the whole page")
			}
			got := formOf(t, res.Body, "hours-form")
			for field, want := range tt.want {
				if !slices.Equal(got[field], want) {
					t.Errorf("%s = %q, want %q", field, got[field], want)
				}
			}
			if got.Get("_base") != form.Get("_base") {
				t.Error("an action changed the form's base")
			}
		})
	}

	t.Run("unknown", func(t *testing.T) {
		res := e.b.PostForm(ccPath(cc), with(form, "_action", "explode:monday_hours"))
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400", res.StatusCode)
		}
	})
}

// An action's result is a pending change: after "9–5 weekdays", saving
// sends exactly the days that differ.
func TestPresetThenSave(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Sales")
	if err := e.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) {
		c.WeekHours = dialpad.WeekHours{HoursOn: true, SaturdayHours: []string{"10:00", "14:00"}}
		for _, d := range dialpad.Weekdays()[:5] {
			c.SetDay(d, []string{"08:00", "18:00"})
		}
	}); err != nil {
		t.Fatal(err)
	}
	_, form := e.openForm(ccPath(cc), "hours-form")
	res := e.b.PostForm(ccPath(cc), with(form, "_action", "preset:weekdays"))
	preset := formOf(t, res.Body, "hours-form")
	pending := testText(res.Body, "pending-changes")
	if !strings.Contains(pending, "Monday hours: 08:00–18:00 → 09:00–17:00") || !strings.Contains(pending, "Saturday hours: 10:00–14:00 → Closed") {
		t.Errorf("pending changes after the preset: %q", pending)
	}
	e.Emulator.ResetRequests()
	res = e.b.PostForm(ccPath(cc), preset)
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(),
		`{"friday_hours":["09:00","17:00"],"monday_hours":["09:00","17:00"],"saturday_hours":[],"thursday_hours":["09:00","17:00"],"tuesday_hours":["09:00","17:00"],"wednesday_hours":["09:00","17:00"]}`)
	if got := testText(e.b.Follow(res).Body, "flash"); got != "Saved hours for Monday, Tuesday, Wednesday, Thursday, Friday and Saturday." {
		t.Errorf("flash %q", got)
	}
}

func TestActionWithHTMXAnswersTheForm(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()
	res := e.b.HTMX(http.MethodPost, ccPath(cc), with(form, "_action", "add:tuesday_hours"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if strings.Contains(res.Body, "<html") || !strings.HasPrefix(strings.TrimSpace(res.Body), `<div id="hours-editor"`) {
		t.Errorf("want the form alone for htmx to swap, got:\n%.300s", res.Body)
	}
	if got := formOf(t, res.Body, "hours-form")["tuesday_hours"]; len(got) != 6 {
		t.Errorf("Tuesday has %d inputs, want 6", len(got))
	}
	if reqs := e.Emulator.Requests(); len(reqs) > 0 {
		t.Errorf("an action reached Dialpad: %s", describe(reqs))
	}
}

func TestPreviewListsPendingChanges(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.ResetRequests()

	edit := with(withDay(form, "monday_hours", "07:00", "11:00", "13:00", "19:00"), "ring_seconds", "40")
	res := e.b.HTMX(http.MethodPost, ccPath(cc)+"/preview", edit)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d:\n%s", res.StatusCode, res.Body)
	}
	if reqs := e.Emulator.Requests(); len(reqs) > 0 {
		t.Errorf("the preview asked Dialpad: %s", describe(reqs))
	}
	items := allTexts(res.Body, "pending-item")
	want := []string{
		"Ring time: 35 seconds → 40 seconds",
		"Monday hours: 08:00–12:00, 13:00–17:00 → 07:00–11:00, 13:00–19:00",
	}
	if !slices.Equal(items, want) {
		t.Errorf("pending changes\n got %q\nwant %q", items, want)
	}
	// The bars follow the typed times, swapped out of band.
	if !strings.Contains(res.Body, `id="bar-monday_hours" data-testid="bar-monday_hours" hx-swap-oob="true"`) {
		t.Error("Monday's bar is not swapped out of band")
	}
	if !strings.Contains(res.Body, `x="420" y="3" width="240"`) {
		t.Error("Monday's bar does not show 07:00–11:00")
	}

	t.Run("problems are counted", func(t *testing.T) {
		res := e.b.HTMX(http.MethodPost, ccPath(cc)+"/preview", with(edit, "ring_seconds", "99"))
		if got := testText(res.Body, "pending-problems"); got != "1 problem to fix before saving." {
			t.Errorf("problems: %q", got)
		}
	})
	t.Run("forged base", func(t *testing.T) {
		res := e.b.HTMX(http.MethodPost, ccPath(cc)+"/preview", with(edit, "_base", "forged"))
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400", res.StatusCode)
		}
	})
}

func TestManagerIsReadOnly(t *testing.T) {
	e := signedIn(t, emulator.ManagerUserID)
	cc := e.callCenter("Sales")
	res, form := e.openForm(ccPath(cc), "hours-form")
	if !strings.Contains(res.Body, `<fieldset class="he-fieldset" disabled>`) {
		t.Error("the inputs are not disabled")
	}
	for _, absent := range []string{`data-testid="save"`, `data-testid="add-monday_hours"`, `data-testid="preset-weekdays"`, `hx-post=`} {
		if strings.Contains(res.Body, absent) {
			t.Errorf("a read-only page offers %s", absent)
		}
	}
	if got := testText(res.Body, "read-only-note"); got != "Changing call centers needs a Dialpad company admin; you can review them here." {
		t.Errorf("read-only note %q", got)
	}

	// A save posted anyway is refused here, with nothing sent.
	e.Emulator.ResetRequests()
	res = e.b.PostForm(ccPath(cc), withDay(form, "monday_hours", "07:00", "19:00"))
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("status %d, want 403", res.StatusCode)
	}
	e.nothingSent()
	if got := e.freshCallCenter(cc.ID).MondayHours; !slices.Equal(got, cc.MondayHours) {
		t.Errorf("Monday changed to %q", got)
	}
}

// Dialpad's 403 stays the final word: when it refuses a save the console
// expected to pass, the form comes back with the refusal in plain words.
func TestDialpadRefusesASave(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Sales")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/callcenters/*", Status: 403, Message: "nope"})
	e.Emulator.ResetRequests()
	res := e.b.PostForm(ccPath(cc), withDay(form, "monday_hours", "07:00", "19:00"))
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("status %d, want 403", res.StatusCode)
	}
	if got := testText(res.Body, "form-message"); got != "You don't have permission to change this in Dialpad." {
		t.Errorf("message %q", got)
	}
	if ws := e.writes(); len(ws) != 1 || ws[0].Method != http.MethodPatch {
		t.Errorf("want the one PATCH Dialpad refused, got %s", describe(ws))
	}
}

// An office admin reads call centers, their own office's included: Dialpad
// takes changes to them from company admins only.
func TestOfficeAdminReadsCallCenters(t *testing.T) {
	e := signedIn(t, emulator.OfficeAdminUserID)
	for _, name := range []string{"UK Sales", "Sales"} { // London, New York
		res, _ := e.openForm(ccPath(e.callCenter(name)), "hours-form")
		if strings.Contains(res.Body, `data-testid="save"`) || !strings.Contains(res.Body, `data-testid="read-only-note"`) {
			t.Errorf("%s: a London admin is offered to edit a call center", name)
		}
	}
}

func TestEditorUnknownIDs(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	for _, path := range []string{"/callcenters/999", "/callcenters/abc", "/departments/999", "/departments/-4"} {
		if res := e.b.Get(path); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, res.StatusCode)
		}
	}
}

func TestDepartmentSave(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	d := e.department("Reception") // Mon–Fri 07:30–19:00
	path := "/departments/" + d.ID.String()
	res, form := e.openForm(path, "hours-form")
	if got := testText(res.Body, "status-source"); got != "Computed from the hours" {
		t.Errorf("status source %q: departments have no live status", got)
	}
	if got := testText(res.Body, "status-why"); got != "Dialpad has a live status for call centers only; holidays are not counted." {
		t.Errorf("the page does not say why the status is computed: %q", got)
	}
	if !strings.Contains(res.Body, `href="/ivrs/department/`+d.ID.String()+`"`) {
		t.Error("no link to the department's IVRs")
	}
	e.Emulator.ResetRequests()
	res = e.b.PostForm(path, withDay(form, "saturday_hours", "09:00", "13:00"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d:\n%s", res.StatusCode, res.Body)
	}
	e.onePatch("/api/v2/departments/"+d.ID.String(), `{"saturday_hours":["09:00","13:00"]}`)
	if got := testText(e.b.Follow(res).Body, "flash"); got != "Saved Saturday hours." {
		t.Errorf("flash %q", got)
	}
}

func TestDepartmentInvalidHours(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	d := e.department("Reception")
	path := "/departments/" + d.ID.String()
	_, form := e.openForm(path, "hours-form")
	e.Emulator.ResetRequests()
	res := e.b.PostForm(path, withDay(form, "monday_hours", "19:00", "07:30"))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	e.nothingSent()
	if got := testText(res.Body, "error-monday_hours.0"); got != "Closes (07:30) before it opens (19:00): a night shift? Split it at midnight." {
		t.Errorf("message %q", got)
	}
}

// allTexts is testText for every element with data-testid id.
func allTexts(body, id string) []string {
	var out []string
	marker := `data-testid="` + id + `"`
	for {
		i := strings.Index(body, marker)
		if i < 0 {
			return out
		}
		out = append(out, testText(body[i:], id))
		body = body[i+len(marker):]
	}
}
