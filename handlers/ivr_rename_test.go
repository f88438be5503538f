package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// renameForm opens a recording's rename page and returns its form.
func (s *stack) renameForm(center dialpad.ID, ivr dialpad.CustomIVR) (string, url.Values) {
	s.t.Helper()
	path := ivrPath(center) + "/recordings/" + ivr.ID.String()
	_, form := s.openForm(path, "ivr-rename-form")
	return path, form
}

func TestIVRRename(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	jazz := s.ivr(sales, "Smooth jazz loop")
	patch := "PATCH /api/v2/customivrs/" + jazz.ID.String()

	t.Run("only the changed field goes out", func(t *testing.T) {
		path, form := s.renameForm(sales, jazz)
		if form.Get("name") != "Smooth jazz loop" || form.Get("description") != "Licensed hold music, 3 minutes." {
			t.Fatalf("form starts as %v", form)
		}
		form.Set("description", "Licensed hold music, 4 minutes.")
		s.Emulator.ResetRequests()
		msg := s.flashAfter(s.b.PostForm(path, form))
		s.wantWrites(patch + ` {"description":"Licensed hold music, 4 minutes."}`)
		if !strings.Contains(msg, "description of “Smooth jazz loop” updated") {
			t.Errorf("flash %q", msg)
		}
	})

	t.Run("a new name", func(t *testing.T) {
		path, form := s.renameForm(sales, jazz)
		form.Set("name", "Bossa nova loop")
		s.Emulator.ResetRequests()
		msg := s.flashAfter(s.b.PostForm(path, form))
		s.wantWrites(patch + ` {"name":"Bossa nova loop"}`)
		if !strings.Contains(msg, "renamed “Smooth jazz loop” to “Bossa nova loop”") {
			t.Errorf("flash %q", msg)
		}
	})

	t.Run("nothing changed sends nothing", func(t *testing.T) {
		path, form := s.renameForm(sales, jazz)
		s.Emulator.ResetRequests()
		if msg := s.flashAfter(s.b.PostForm(path, form)); !strings.Contains(msg, "Nothing to save") {
			t.Errorf("flash %q", msg)
		}
		s.wantWrites()
	})

	for _, tt := range []struct {
		name, field, value, want string
	}{
		{"empty name", "name", "  ", "Give the recording a name."},
		{"name too long", "name", strings.Repeat("a", 101), "at most 100 characters here; this has 101"},
		{"description too long", "description", strings.Repeat("d", 257), "at most 256 characters here; this has 257"},
		{"two lines", "description", "first line\nsecond line", "this takes one line of plain text"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path, form := s.renameForm(sales, jazz)
			form.Set(tt.field, tt.value)
			s.Emulator.ResetRequests()
			res := s.b.PostForm(path, form)
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(res.Body, tt.want) {
				t.Errorf("status %d, want 422 with %q", res.StatusCode, tt.want)
			}
			s.wantWrites()
		})
	}

	t.Run("Dialpad failing keeps the input", func(t *testing.T) {
		path, form := s.renameForm(sales, jazz)
		form.Set("name", "Bossa nova, remastered")
		defer s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/customivrs/*", Status: 503})()
		res := s.b.PostForm(path, form)
		if res.StatusCode != http.StatusBadGateway || !strings.Contains(res.Body, "Dialpad answered with an error (503), so Switchboard cannot tell whether your change was saved") {
			t.Fatalf("status %d, want 502 with a plain message", res.StatusCode)
		}
		if got := formOf(t, res.Body, "ivr-rename-form").Get("name"); got != "Bossa nova, remastered" {
			t.Errorf("the person's name was lost: %q", got)
		}
		// A 503 may come after the change was made: the page read the
		// recording again and sets the input beside what Dialpad has.
		if !strings.Contains(res.Body, `data-testid="outcome-unknown"`) || testText(res.Body, "conflict-mine") != "Bossa nova, remastered" {
			t.Errorf("no panel with the input beside what Dialpad has (%q)", testText(res.Body, "conflict-mine"))
		}
	})

	t.Run("someone renamed it meanwhile", func(t *testing.T) {
		path, form := s.renameForm(sales, jazz)
		other := "Renamed elsewhere"
		now, _, _ := dialpad.FindCustomIVR(s.ivrTypes(dialpad.TargetCallCenter, sales), jazz.ID)
		theirs := now
		theirs.Name = other
		if _, err := s.api.SaveCustomIVRDetails(t.Context(), dialpad.TargetCallCenter, sales, jazz.ID, now, theirs); err != nil {
			t.Fatal(err)
		}
		form.Set("name", "Mine")
		s.Emulator.ResetRequests()
		res := s.b.PostForm(path, form)
		if res.StatusCode != http.StatusConflict || !strings.Contains(res.Body, `data-testid="conflict-name"`) || !strings.Contains(res.Body, other) {
			t.Fatalf("status %d, want 409 naming the other name", res.StatusCode)
		}
		s.wantWrites()
		again := formOf(t, res.Body, "ivr-rename-form")
		if again.Get("name") != "Mine" {
			t.Errorf("the person's name was lost: %q", again.Get("name"))
		}
		again.Set("_conflict.name", "theirs")
		s.flashAfter(s.b.PostForm(path, again))
		s.wantWrites()
	})

	if res := s.b.Get(ivrPath(sales) + "/recordings/1234567890123456"); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown recording: %d", res.StatusCode)
	}
}
