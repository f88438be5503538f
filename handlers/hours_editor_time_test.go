package handlers_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// Times typed loosely in the editor are sent as Dialpad writes them,
// 24-hour "HH:MM", and the page shows them so from then on.
func TestHoursEditorTimesTypedLoosely(t *testing.T) {
	tests := []struct {
		typed []string // Saturday's open, close as typed
		sent  string   // Saturday's hours in the PATCH
	}{
		{[]string{"9", "17"}, `["09:00","17:00"]`},
		{[]string{"9:00", "17:30"}, `["09:00","17:30"]`},
		{[]string{"0900", "1730"}, `["09:00","17:30"]`},
		{[]string{"930", "12.45"}, `["09:30","12:45"]`},
		{[]string{" 8:15 ", "24:00"}, `["08:15","23:59"]`},
		{[]string{"22", "2400"}, `["22:00","23:59"]`},
		{[]string{"0", "24"}, `["00:00","23:59"]`},
	}
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	for _, tt := range tests {
		t.Run(strings.Join(tt.typed, "-"), func(t *testing.T) {
			_, form := e.openForm(ccPath(cc), "hours-form")
			e.Emulator.ResetRequests()
			res := e.b.PostForm(ccPath(cc), withDay(form, "saturday_hours", tt.typed...))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("status %d, want 303:\n%s", res.StatusCode, testText(res.Body, "form-problems"))
			}
			e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"saturday_hours":`+tt.sent+`}`)
			page := e.b.Follow(res)
			shown := formOf(t, page.Body, "hours-form")["saturday_hours"]
			if got := `["` + strings.Join(shown, `","`) + `"]`; got != tt.sent {
				t.Errorf("after saving Saturday shows %s, want %s", got, tt.sent)
			}
			// Back to closed for the next case.
			e.b.PostForm(ccPath(cc), withDay(formOf(t, page.Body, "hours-form"), "saturday_hours"))
		})
	}
}

// A time that is no time is not guessed at: 422, a plain message beside
// its range, the input exactly as typed, and nothing sent. A loose time
// elsewhere on the same form comes back as Dialpad writes it.
func TestHoursEditorBadTimeKeptAsTyped(t *testing.T) {
	tests := []struct {
		typed   string
		message string
	}{
		{"25:00", `Opening time "25:00" is not a 24-hour time like 09:00.`},
		{"5pm", `Opening time "5pm" is not a 24-hour time like 09:00.`},
		{"05:00 PM", `Opening time "05:00 PM" is not a 24-hour time like 09:00.`},
		{"9:5", `Opening time "9:5" is not a 24-hour time like 09:00.`},
		{"12:60", `Opening time "12:60" is not a 24-hour time like 09:00.`},
		{" 7h ", `Opening time " 7h " is not a 24-hour time like 09:00.`},
		{"24:30", `Opening time "24:30" is not a 24-hour time like 09:00.`},
	}
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			e.Emulator.ResetRequests()
			edit := withDay(form, "wednesday_hours", tt.typed, "18:00")
			edit["saturday_hours"] = []string{"9", "1200"}
			res := e.b.PostForm(ccPath(cc), edit)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			e.nothingSent()
			if got := testText(res.Body, "error-wednesday_hours.0"); got != tt.message {
				t.Errorf("message beside the range %q, want %q", got, tt.message)
			}
			kept := formOf(t, res.Body, "hours-form")
			if got := kept["wednesday_hours"]; !slices.Equal(got, []string{tt.typed, "18:00"}) {
				t.Errorf("Wednesday shows %q, want %q as typed", got, []string{tt.typed, "18:00"})
			}
			if got := kept["saturday_hours"]; !slices.Equal(got, []string{"09:00", "12:00"}) {
				t.Errorf("Saturday shows %q, want 09:00–12:00", got)
			}
			// Its inputs say they are invalid and point at the message.
			if !strings.Contains(res.Body, `aria-describedby="he-time-hint error-wednesday_hours.0" aria-invalid="true" data-testid="open-wednesday_hours-0"`) {
				t.Error("the invalid input does not point at its message")
			}
		})
	}
}

// Copying a day goes to the days ticked in its menu, without JavaScript
// (the page comes back, nothing saved) and with htmx (the form alone).
func TestHoursEditorCopyToChosenDays(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Support Tier 2")
	if err := e.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) {
		c.WeekHours = dialpad.WeekHours{HoursOn: true,
			MondayHours: []string{"08:00", "12:00", "13:00", "17:00"}, TuesdayHours: []string{"09:00", "17:00"},
			WednesdayHours: []string{"10:00", "16:00"}, FridayHours: []string{"09:00", "15:00"}}
	}); err != nil {
		t.Fatal(err)
	}
	_, form := e.openForm(ccPath(cc), "hours-form")
	monday := []string{"08:00", "12:00", "13:00", "17:00"}
	before := map[string][]string{}
	for _, f := range []string{"tuesday_hours", "wednesday_hours", "friday_hours", "saturday_hours"} {
		before[f] = form[f]
	}

	for _, htmx := range []bool{false, true} {
		name := "without JavaScript"
		if htmx {
			name = "htmx"
		}
		t.Run(name, func(t *testing.T) {
			e.Emulator.ResetRequests()
			post := with(form, "_action", "copy:monday_hours:chosen")
			post["_copy_monday_hours"] = []string{"wednesday_hours", "saturday_hours"}
			// Boxes ticked in another day's menu are not this copy's.
			post["_copy_tuesday_hours"] = []string{"friday_hours"}
			res := e.b.PostForm(ccPath(cc), post)
			if htmx {
				res = e.b.HTMX(http.MethodPost, ccPath(cc), post)
			}
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d, want 200:\n%s", res.StatusCode, res.Body)
			}
			e.nothingSent()
			if full := strings.Contains(res.Body, "<html"); full == htmx {
				t.Errorf("whole page %v; want it without JavaScript only", full)
			}
			got := formOf(t, res.Body, "hours-form")
			for field, want := range map[string][]string{
				"monday_hours": monday, "wednesday_hours": monday, "saturday_hours": monday,
				"tuesday_hours": before["tuesday_hours"], "friday_hours": before["friday_hours"],
			} {
				if !slices.Equal(got[field], want) {
					t.Errorf("%s = %q, want %q", field, got[field], want)
				}
			}
			if got.Get("_base") != form.Get("_base") {
				t.Error("copying changed the form's base")
			}
			if p := testText(res.Body, "pending-changes"); !strings.Contains(p, "Wednesday hours") || !strings.Contains(p, "Saturday hours") {
				t.Errorf("pending changes do not list the copies: %q", p)
			}
		})
	}

	t.Run("no day ticked", func(t *testing.T) {
		e.Emulator.ResetRequests()
		res := e.b.PostForm(ccPath(cc), with(form, "_action", "copy:monday_hours:chosen"))
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.StatusCode)
		}
		e.nothingSent()
		if got := testText(res.Body, "copy-error-monday_hours"); got != "Tick the days to copy Monday's hours to." {
			t.Errorf("message %q", got)
		}
		got := formOf(t, res.Body, "hours-form")
		for field, want := range before {
			if !slices.Equal(got[field], want) {
				t.Errorf("%s = %q, want it unchanged %q", field, got[field], want)
			}
		}
	})
}
