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
)

// callCentersIn is the ids of the call centers of an office.
func (s *stack) callCentersIn(office dialpad.ID, except dialpad.ID) []string {
	s.t.Helper()
	ccs, err := s.api.CallCenters(s.t.Context(), dialpad.ListFilter{})
	if err != nil {
		s.t.Fatal(err)
	}
	var out []string
	for _, cc := range ccs {
		if cc.OfficeID == office && cc.ID != except {
			out = append(out, cc.ID.String())
		}
	}
	slices.Sort(out)
	return out
}

func sorted(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return out
}

// The copy picker shows every target grouped by office, each checkbox in
// its label; without JavaScript an office's "Select all" and "None" are
// GETs of the same form that come back with that office ticked or cleared,
// the other ticks and the reset option kept. Offices the person can't
// change offer neither, and selecting them ticks nothing.
func TestIVRCopyPickerGroupsAndSelectsWithoutJS(t *testing.T) {
	s := startIVRs(t, emulator.OfficeAdminUserID) // London only
	source := s.callCenter("UK Customer Care").ID
	london, tokyo := s.office("London").ID, s.office("Tokyo").ID
	copyPath := ivrPath(source) + "/copy"

	res := s.b.Get(copyPath)
	for _, o := range []string{"London", "New York HQ", "Tokyo"} {
		id := s.office(o).ID.String()
		if !regexp.MustCompile(`(?s)data-testid="ivr-target-group-` + id + `">\s*<legend[^>]*>\s*` + o + ` `).MatchString(res.Body) {
			t.Errorf("no group for %s", o)
		}
	}
	boxes := regexp.MustCompile(`<input type="checkbox" name="target_id"`).FindAllStringIndex(res.Body, -1)
	labelled := regexp.MustCompile(`<label>\s*<input type="checkbox" name="target_id"`).FindAllStringIndex(res.Body, -1)
	if len(boxes) < 10 || len(labelled) != len(boxes) {
		t.Errorf("%d target checkboxes, %d of them in a label", len(boxes), len(labelled))
	}
	if !regexp.MustCompile(`<button type="submit" class="btn btn-small" formmethod="get" formaction="` + regexp.QuoteMeta(copyPath) +
		`#group-` + london.String() + `" formnovalidate name="_select" value="all:` + london.String() + `"`).MatchString(res.Body) {
		t.Error("London's Select all is not a GET of the form")
	}
	if strings.Contains(res.Body, `data-testid="ivr-select-all-`+tokyo.String()+`"`) {
		t.Error("Tokyo, which the person can't change, offers Select all")
	}

	tokyoCC := s.callCentersIn(tokyo, 0)[0]
	for _, tt := range []struct {
		name  string
		query url.Values
		want  []string
	}{
		{"select all in London", url.Values{"_select": {"all:" + london.String()}, "reset_defaults": {"1"}},
			s.callCentersIn(london, source)},
		{"none in London", url.Values{"_select": {"none:" + london.String()}, "target_id": s.callCentersIn(london, source), "reset_defaults": {"1"}},
			nil},
		{"select all in Tokyo ticks nothing", url.Values{"_select": {"all:" + tokyo.String()}, "reset_defaults": {"1"}},
			nil},
		{"a Tokyo id in the query stays unticked", url.Values{"target_id": {tokyoCC}, "reset_defaults": {"1"}},
			nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := s.b.Get(copyPath + "?" + tt.query.Encode())
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			form := formOf(t, res.Body, "ivr-copy-form")
			if got := sorted(form["target_id"]); !slices.Equal(got, tt.want) {
				t.Errorf("ticked %v, want %v", got, tt.want)
			}
			if form.Get("reset_defaults") != "1" {
				t.Error("the reset option was lost")
			}
		})
	}
}
