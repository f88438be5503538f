package handlers_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/views"
)

// setCenterHours changes a call center's hours as if someone did it in
// Dialpad's own app.
func (s *stack) setCenterHours(id dialpad.ID, w dialpad.WeekHours) {
	s.t.Helper()
	if err := s.Emulator.MutateCallCenter(id, func(cc *dialpad.CallCenter) { cc.WeekHours = w }); err != nil {
		s.t.Fatal(err)
	}
}

// setDepartmentHours is setCenterHours for a department.
func (s *stack) setDepartmentHours(id dialpad.ID, w dialpad.WeekHours) {
	s.t.Helper()
	if err := s.Emulator.MutateDepartment(id, func(d *dialpad.Department) { d.WeekHours = w }); err != nil {
		s.t.Fatal(err)
	}
}

// monToFri is hours_on with the same ranges Monday to Friday, weekends
// closed.
func monToFri(times ...string) dialpad.WeekHours {
	w := dialpad.WeekHours{HoursOn: true}
	for _, d := range dialpad.Weekdays() {
		if d <= dialpad.Friday {
			w.SetDay(d, times)
		} else {
			w.SetDay(d, []string{})
		}
	}
	return w
}

// weekForm is w as the bulk form posts it: a closed day and an unticked
// hours_on are absent, and marked as shown.
func weekForm(w dialpad.WeekHours) url.Values {
	v := url.Values{views.FieldsMarker: {"hours_on"}}
	if w.HoursOn {
		v.Set("hours_on", "true")
	}
	for _, d := range dialpad.Weekdays() {
		v.Add(views.FieldsMarker, d.Field())
		if day := w.Day(d); len(day) > 0 {
			v[d.Field()] = append([]string{}, day...)
		}
	}
	return v
}

var rowNameRE = regexp.MustCompile(`data-testid="row-name">([^<]*)<`)

// reviewRows returns each hours-row's HTML by the name it shows.
func reviewRows(t *testing.T, body string) map[string]string {
	t.Helper()
	out := map[string]string{}
	parts := strings.Split(body, `data-testid="hours-row"`)
	for _, p := range parts[1:] {
		if end := strings.Index(p, "</tr>"); end >= 0 {
			p = p[:end]
		}
		m := rowNameRE.FindStringSubmatch(p)
		if m == nil {
			t.Fatalf("row without a name: %s", p)
		}
		out[html.UnescapeString(m[1])] = p
	}
	return out
}

// svgPath is the d attribute of the week bars' path of class in a row.
func svgPath(row, class string) string {
	return html.UnescapeString(between(row, `class="`+class+`" d="`, `"`))
}

// rects counts the rectangles of a week bars path: each ends with "z".
func rects(row, class string) int { return strings.Count(svgPath(row, class), "z") }

// highlightedRows lists the names of highlighted rows, sorted.
func highlightedRows(rows map[string]string) []string {
	var out []string
	for name, r := range rows {
		if strings.Contains(r, `data-testid="differs"`) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// bulkPatches returns the PATCH bodies sent, by path, decoded.
func bulkPatches(t *testing.T, reqs []emulator.Request) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, r := range reqs {
		if r.Method != http.MethodPatch {
			continue
		}
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatalf("PATCH %s body %q: %v", r.Path, r.Body, err)
		}
		if _, dup := out[r.Path]; dup {
			t.Errorf("two PATCHes to %s", r.Path)
		}
		out[r.Path] = body
	}
	return out
}

// hoursJSONEqual compares a decoded body with the JSON want.
func hoursJSONEqual(t *testing.T, got map[string]any, want string) bool {
	t.Helper()
	var w map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(got, w)
}
