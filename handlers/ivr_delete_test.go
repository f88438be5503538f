package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// Going back to Dialpad's default is a DELETE, which deletes the recording
// in Dialpad: the console sends it only after a confirmation that names
// each recording; cancelling sends nothing and keeps the person's choices.
func TestIVRDefaultAsksBeforeDeleting(t *testing.T) {
	type change struct{ field, value string }
	tests := []struct {
		name    string
		center  string
		action  string // "" saves; "/unassign" is a type's button
		changes func(s *stack, center dialpad.ID) []change
		deletes []string // recordings named on the confirmation
		others  []string // other changes saved with them
		writes  func(s *stack, center dialpad.ID, gone map[string]dialpad.ID) []string
	}{
		{
			name:   "a type set to default",
			center: "Japan Support",
			changes: func(*stack, dialpad.ID) []change {
				return []change{{"GREETING", ""}}
			},
			deletes: []string{"Japanese greeting"},
			writes: func(s *stack, c dialpad.ID, gone map[string]dialpad.ID) []string {
				return []string{ivrDelete(c, "GREETING", gone["Japanese greeting"])}
			},
		},
		{
			name:   "a default and an assignment go out together once confirmed",
			center: "Japan Support",
			changes: func(s *stack, c dialpad.ID) []change {
				return []change{{"GREETING", ""}, {"HOLD_MUSIC", s.ivr(c, "Koto hold music").ID.String()}}
			},
			deletes: []string{"Japanese greeting"},
			others:  []string{"Hold music: Dialpad default → Koto hold music"},
			writes: func(s *stack, c dialpad.ID, gone map[string]dialpad.ID) []string {
				koto := s.ivr(c, "Koto hold music")
				return []string{
					ivrDelete(c, "GREETING", gone["Japanese greeting"]),
					"PATCH /api/v2/customivrs/callcenter/" + c.String() + `/HOLD_MUSIC {"ivr_id":` + koto.ID.String() + `}`,
				}
			},
		},
		{
			name:   "a split recording notice deletes both recordings",
			center: "UK Customer Care",
			changes: func(*stack, dialpad.ID) []change {
				return []change{{"AUTO_RECORDING", ""}}
			},
			deletes: []string{"Inbound recording notice (UK)", "Outbound recording notice (UK)"},
			writes: func(s *stack, c dialpad.ID, gone map[string]dialpad.ID) []string {
				a, b := gone["Inbound recording notice (UK)"], gone["Outbound recording notice (UK)"]
				if b < a {
					a, b = b, a
				}
				return []string{ivrDelete(c, "AUTO_RECORDING", a), ivrDelete(c, "AUTO_RECORDING", b)}
			},
		},
		{
			name:   "the unassign button deletes its type only",
			center: "Sales",
			action: "/unassign",
			changes: func(s *stack, c dialpad.ID) []change {
				// Changed in the form but not by this button: kept, not sent.
				return []change{{"GREETING", s.ivr(c, "Spring promotion greeting").ID.String()}, {"ivr_type", "HOLD_MUSIC"}}
			},
			deletes: []string{"Smooth jazz loop"},
			writes: func(s *stack, c dialpad.ID, gone map[string]dialpad.ID) []string {
				return []string{ivrDelete(c, "HOLD_MUSIC", gone["Smooth jazz loop"])}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startIVRs(t, emulator.AdminUserID)
			center := s.callCenter(tt.center).ID
			gone := map[string]dialpad.ID{}
			for _, name := range tt.deletes {
				gone[name] = s.ivr(center, name).ID
			}
			_, form := s.openIVRs(center)
			changes := tt.changes(s, center)
			for _, c := range changes {
				form.Set(c.field, c.value)
			}
			s.Emulator.ResetRequests()
			res := s.b.PostForm(ivrPath(center)+tt.action, form)
			if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, `data-testid="ivr-delete-confirm"`) {
				t.Fatalf("save: %d, want the confirmation\n%s", res.StatusCode, res.Body)
			}
			s.wantWrites()
			for _, name := range tt.deletes {
				if want := "This deletes the recording ‘" + name + "’ from Dialpad; it cannot be undone."; !strings.Contains(res.Body, want) {
					t.Errorf("confirmation lacks %q", want)
				}
			}
			for _, o := range tt.others {
				if !strings.Contains(res.Body, o) {
					t.Errorf("confirmation does not say %q is saved too", o)
				}
			}
			plan := formOf(t, res.Body, "ivr-delete-form")

			// Cancel: nothing sent, the form as the person left it.
			cancel := url.Values{"_plan": plan["_plan"], "_cancel": {"1"}}
			again := s.b.PostForm(ivrPath(center)+"/delete", cancel)
			if again.StatusCode != http.StatusOK {
				t.Fatalf("cancel: %d", again.StatusCode)
			}
			s.wantWrites()
			kept := formOf(t, again.Body, "ivr-form")
			for _, c := range changes {
				if c.field != "ivr_type" && kept.Get(c.field) != c.value {
					t.Errorf("after cancel %s = %q, want the person's %q", c.field, kept.Get(c.field), c.value)
				}
			}
			for _, id := range gone {
				if _, _, ok := dialpad.FindCustomIVR(s.ivrTypes(dialpad.TargetCallCenter, center), id); !ok {
					t.Errorf("recording %s deleted by a cancel", id)
				}
			}

			// Confirm: exactly the DELETEs named, with the other changes.
			s.Emulator.ResetRequests()
			msg := s.flashAfter(s.b.PostForm(ivrPath(center)+"/delete", url.Values{"_plan": plan["_plan"], "_confirm": {"1"}}))
			s.wantWrites(tt.writes(s, center, gone)...)
			if !strings.Contains(msg, "Saved.") {
				t.Errorf("flash %q", msg)
			}
			for name, id := range gone {
				if _, _, ok := dialpad.FindCustomIVR(s.ivrTypes(dialpad.TargetCallCenter, center), id); ok {
					t.Errorf("%s is still in Dialpad", name)
				}
			}
		})
	}
}

func ivrDelete(center dialpad.ID, ivrType string, id dialpad.ID) string {
	return "DELETE /api/v2/customivrs/callcenter/" + center.String() + "/" + ivrType + ` {"ivr_id":` + id.String() + `}`
}

// A confirmation plan that was altered, or sealed for another target or
// another form, sends nothing.
func TestIVRDeleteConfirmRefusesTamperedPlans(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	japan := s.callCenter("Japan Support").ID
	ask := func(center dialpad.ID) string {
		_, form := s.openIVRs(center)
		form.Set("GREETING", "")
		res := s.b.PostForm(ivrPath(center), form)
		return formOf(t, res.Body, "ivr-delete-form").Get("_plan")
	}
	plan, otherPlan := ask(sales), ask(japan)
	_, form := s.openIVRs(sales)
	for _, tt := range []struct{ name, plan string }{
		{"altered", plan[:len(plan)-2] + "xx"},
		{"missing", ""},
		{"another call center's plan", otherPlan},
		{"the assignments form's base", form.Get("_base")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s.Emulator.ResetRequests()
			res := s.b.PostForm(ivrPath(sales)+"/delete", url.Values{"_plan": {tt.plan}, "_confirm": {"1"}})
			if res.StatusCode != http.StatusBadRequest || !strings.Contains(res.Body, "This form is out of date") {
				t.Errorf("status %d, want 400", res.StatusCode)
			}
			s.wantWrites()
		})
	}
}

// confirmIVRDeletes presses "Delete and save" on the confirmation res must be.
func (s *stack) confirmIVRDeletes(res *webtest.Response) *webtest.Response {
	s.t.Helper()
	if res.StatusCode != http.StatusOK {
		s.t.Fatalf("status %d, want the confirmation of deletes", res.StatusCode)
	}
	plan := formOf(s.t, res.Body, "ivr-delete-form")
	return s.b.PostForm(strings.TrimSuffix(res.URL.Path, "/unassign")+"/delete", url.Values{"_plan": plan["_plan"], "_confirm": {"1"}})
}
