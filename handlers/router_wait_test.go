package handlers_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
	"switchboard/web/webtest"
)

// button reports whether the page has the button with data-testid id,
// whether it is disabled, and whether it waits: marked for the wait script
// to hold disabled until Dialpad accepts the change.
func button(body, id string) (present, disabled, waits bool) {
	m := regexp.MustCompile(`<button\b([^>]*\bdata-testid="` + regexp.QuoteMeta(id) + `"[^>]*)>`).FindStringSubmatch(body)
	if m == nil {
		return false, false, false
	}
	a := attributes(m[1])
	_, disabled = a["disabled"]
	_, waits = a["data-router-wait-button"]
	return true, disabled, waits
}

// waitTime is the datetime of the <time> in the wait notice id, and its text.
func waitTime(body, id string) (datetime, text string) {
	m := regexp.MustCompile(`<time datetime="([^"]*)" data-testid="` + regexp.QuoteMeta(id) + `-time">([^<]*)</time>`).FindStringSubmatch(body)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// TestRouterWaitShownToThoseWhoMayChange: after a change, Dialpad takes the
// router's next one five minutes later. Each person who is offered a change
// sees when (a <time> in UTC for the browser, and the time in their own
// Dialpad zone, named, for reading without JavaScript), with the buttons
// that would be refused marked for the wait script to hold (enabled in the
// HTML: without the script a too-soon change gets the 429 page, input
// kept); a viewer sees no wait. Five minutes later the mark and the notice
// are gone.
func TestRouterWaitShownToThoseWhoMayChange(t *testing.T) {
	var viewerEmail string
	for _, p := range emulator.New(emulator.Options{}).Personas() {
		if p.User.ID == emulator.ManagerUserID {
			viewerEmail = p.User.Emails[0]
		}
	}
	viewer, err := access.NewGrant(viewerEmail, access.Viewer, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Company-key mode, as the demo: the company admin, Priya (support)
	// and Marcus (viewer), each by their Switchboard role.
	e := signedInAsSupport(t, webtest.WithGrants(viewer))
	admin := e.LoginAs(t, emulator.AdminUserID)
	manager := e.LoginAs(t, emulator.ManagerUserID)
	cr := e.router("Carrier Hotline Router") // disabled: the reset panel shows
	page := "/routers/" + cr.ID.String()

	open := admin.Get(page)
	mustStatus(t, open, http.StatusOK)
	before := e.Clock.Now()
	res := admin.PostForm(page, with(formOf(t, open.Body, "router-form"), "name", "Carrier Hotline"))
	after := e.Clock.Now()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("rename answered %d:\n%s", res.StatusCode, res.Body)
	}
	var wantAt []string // the second the save went out
	for _, at := range []time.Time{before, after} {
		wantAt = append(wantAt, at.Add(5*time.Minute).UTC().Format(time.RFC3339))
	}
	// Everyone here has New York's zone in Dialpad.
	clockRE := regexp.MustCompile(`^\d\d:\d\d E[SD]T$`)

	tests := []struct {
		who    string
		b      *webtest.Browser
		notice []string // the wait notices shown
		off    []string // buttons held during the wait
	}{
		{"admin", admin, []string{"next-change", "reset-wait"}, []string{"save", "reset-router"}},
		{"support", e.b, []string{"reset-wait"}, []string{"reset-router"}},
		{"viewer", manager, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.who+" during the wait", func(t *testing.T) {
			body := tt.b.Get(page).Body
			for _, id := range []string{"next-change", "reset-wait"} {
				shown := strings.Contains(body, `data-testid="`+id+`"`)
				want := strings.Contains(strings.Join(tt.notice, " "), id)
				if shown != want {
					t.Errorf("%s shown %v, want %v", id, shown, want)
				}
				if !want {
					continue
				}
				at, clock := waitTime(body, id)
				if at != wantAt[0] && at != wantAt[1] {
					t.Errorf("%s: <time datetime=%q>, want %s (UTC, five minutes after the change)", id, at, wantAt[0])
				}
				if !clockRE.MatchString(clock) {
					t.Errorf("%s: the time reads %q, want HH:MM and the zone's name", id, clock)
				}
			}
			if len(tt.notice) == 0 && (strings.Contains(body, "<time") || strings.Contains(body, "Next change possible")) {
				t.Error("a viewer is shown when the next change is possible")
			}
			for _, id := range tt.off {
				if present, disabled, waits := button(body, id); !present || disabled || !waits {
					t.Errorf("button %s present %v, disabled %v, waits %v; want it marked to wait, enabled without JavaScript", id, present, disabled, waits)
				}
			}
		})
	}

	e.Clock.Advance(5 * time.Minute)
	for _, tt := range tests {
		t.Run(tt.who+" after the wait", func(t *testing.T) {
			body := tt.b.Get(page).Body
			for _, id := range []string{"next-change", "reset-wait"} {
				if strings.Contains(body, `data-testid="`+id+`"`) {
					t.Errorf("%s still shown after the wait", id)
				}
			}
			for _, id := range tt.off {
				if present, disabled, waits := button(body, id); !present || disabled || waits {
					t.Errorf("button %s present %v, disabled %v, waits %v; want it plainly enabled after the wait", id, present, disabled, waits)
				}
			}
		})
	}
}
