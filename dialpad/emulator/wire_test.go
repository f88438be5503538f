package emulator_test

import (
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// The emulator answers only with what the spec names and only with values
// its enums allow: offices have no hours_on, and "" is no enum value (an
// unset routing target has no action_target_type at all).
func TestAnswersCarryNoEmptyEnumsNorOfficeHoursOn(t *testing.T) {
	f := newFixture(t, emulator.Options{PageSize: 100})
	tests := []struct {
		path   string
		absent []string
	}{
		{"/api/v2/offices", []string{`"hours_on"`}},
		{"/api/v2/callcenters", []string{`"action_target_type":""`, `"operator_routing":""`, `"action":""`}},
		{"/api/v2/departments", []string{`"action_target_type":""`, `"operator_routing":""`, `"action":""`}},
		{"/api/v2/callrouters", []string{`"default_target_type":""`}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := f.do("GET", tt.path, f.admin(), nil)
			if res.status != 200 {
				t.Fatalf("status %d: %s", res.status, res.body)
			}
			for _, a := range tt.absent {
				if strings.Contains(string(res.body), a) {
					t.Errorf("answer contains %s", a)
				}
			}
		})
	}
}
