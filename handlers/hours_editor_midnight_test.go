package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// Dialpad writes the end of a day "23:59" and its spec never defines
// "24:00": a range running to midnight is sent as 23:59, whether the person
// typed 23:59 or 24:00.
func TestEditorSendsEndOfDayAs2359(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Billing")
	for _, typed := range []string{"23:59", "24:00", " 24:00 "} {
		t.Run(typed, func(t *testing.T) {
			_, form := e.openForm(ccPath(cc), "hours-form")
			e.Emulator.ResetRequests()
			e.flashAfter(e.b.PostForm(ccPath(cc), withDay(form, "sunday_hours", "22:00", typed)))
			e.onePatch("/api/v2/callcenters/"+cc.ID.String(), `{"sunday_hours":["22:00","23:59"]}`)
			// Back to closed for the next case.
			_, form = e.openForm(ccPath(cc), "hours-form")
			if got := form["sunday_hours"]; len(got) != 2 || got[1] != "23:59" {
				t.Errorf("the editor shows Sunday as %q, want it closing at 23:59", got)
			}
			e.flashAfter(e.b.PostForm(ccPath(cc), withDay(form, "sunday_hours")))
		})
	}
}

// A range that crosses midnight is not sent and not shown as a change: the
// message beside it says why and offers to split it, and the split (a plain
// POST) makes it two ranges, one on each day, which then save together.
func TestEditorSplitsANightShiftAtMidnight(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Billing") // Mon-Fri 09:00-17:00
	_, form := e.openForm(ccPath(cc), "hours-form")
	night := withDay(form, "monday_hours", "22:00", "06:00")

	e.Emulator.ResetRequests()
	res := e.b.PostForm(ccPath(cc), night)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	e.nothingSent()
	if got, want := testText(res.Body, "error-monday_hours.0"), "Closes (06:00) before it opens (22:00): a night shift? Split it at midnight."; got != want {
		t.Errorf("message beside Monday %q, want %q", got, want)
	}
	if !strings.Contains(res.Body, `data-testid="split-monday_hours-0"`) || !strings.Contains(res.Body, `value="split:monday_hours:0"`) {
		t.Error("no button to split Monday's range at midnight")
	}
	pending := between(res.Body, `data-testid="pending-changes"`, "</section>")
	if strings.Contains(pending, `class="he-pending-new">22:00–06:00`) || !strings.Contains(pending, `data-testid="pending-invalid">22:00–06:00`) {
		t.Errorf("pending changes show the night shift as a change to send:\n%s", pending)
	}

	split := clone(night)
	split.Set("_action", "split:monday_hours:0")
	res = e.b.PostForm(ccPath(cc), split)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("split: %d", res.StatusCode)
	}
	e.nothingSent()
	after := formOf(t, res.Body, "hours-form")
	for field, want := range map[string][]string{
		"monday_hours":  {"22:00", "23:59"},
		"tuesday_hours": {"00:00", "06:00", "09:00", "17:00"},
	} {
		if got := after[field]; strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s after the split = %q, want %q", field, got, want)
		}
	}
	if strings.Contains(res.Body, `data-testid="split-`) {
		t.Error("a split is still offered after splitting")
	}

	after.Del("_action")
	e.flashAfter(e.b.PostForm(ccPath(cc), after))
	e.onePatch("/api/v2/callcenters/"+cc.ID.String(),
		`{"monday_hours":["22:00","23:59"],"tuesday_hours":["00:00","06:00","09:00","17:00"]}`)
}

// The editor, the review, its CSV and the bulk form show the end of a day
// one way, as Dialpad writes it: 23:59.
func TestEndOfDayReadsTheSameEverywhere(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cc := e.callCenter("Billing")
	_, form := e.openForm(ccPath(cc), "hours-form")
	e.flashAfter(e.b.PostForm(ccPath(cc), withDay(form, "sunday_hours", "18:00", "24:00")))

	target := url.Values{"target": {"callcenter:" + cc.ID.String()}}
	for _, page := range []struct {
		name, path, want string
	}{
		{"editor", ccPath(cc), `value="23:59"`},
		{"review", "/hours", "18:00–23:59"},
		{"CSV", "/hours.csv", "18:00-23:59"},
		{"bulk form", "/hours/bulk?" + target.Encode(), `value="23:59"`},
	} {
		t.Run(page.name, func(t *testing.T) {
			res := e.b.Get(page.path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", page.path, res.StatusCode)
			}
			if !strings.Contains(res.Body, page.want) {
				t.Errorf("%s lacks %q", page.path, page.want)
			}
			for _, other := range []string{`value="24:00"`, "–24:00", "-24:00"} {
				if strings.Contains(res.Body, other) {
					t.Errorf("%s shows the end of day as %q", page.path, other)
				}
			}
		})
	}
}
