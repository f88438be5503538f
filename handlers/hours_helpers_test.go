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
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// hoursStack is the console and emulator for the hours review tests, plus
// a Dialpad client of the test's own to read the truth.
type hoursStack struct {
	*webtest.Stack
	truth *dialpad.Client
}

// startHours starts the demo company. The emulator's company limit is off
// (the test's own reads must not eat the console's budget); the console's
// limiter still paces it at 20 requests/s.
func startHours(t *testing.T) *hoursStack {
	t.Helper()
	st := webtest.Start(t, webtest.WithEmulator(emulator.Options{CompanyRPS: -1}))
	tok := st.Emulator.IssueToken(emulator.AdminUserID)
	c := dialpad.New(st.EmulatorURL,
		dialpad.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok})),
		dialpad.WithRetryBackoff(time.Millisecond))
	return &hoursStack{Stack: st, truth: c}
}

func (s *hoursStack) offices(t *testing.T) []dialpad.Office {
	t.Helper()
	os, err := s.truth.Offices(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return os
}

func (s *hoursStack) office(t *testing.T, name string) dialpad.Office {
	t.Helper()
	for _, o := range s.offices(t) {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("no office %q", name)
	return dialpad.Office{}
}

func (s *hoursStack) centers(t *testing.T, f dialpad.ListFilter) []dialpad.CallCenter {
	t.Helper()
	ccs, err := s.truth.CallCenters(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	return ccs
}

func (s *hoursStack) departments(t *testing.T, f dialpad.ListFilter) []dialpad.Department {
	t.Helper()
	ds, err := s.truth.Departments(t.Context(), f)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// center finds a call center by name.
func (s *hoursStack) center(t *testing.T, name string) dialpad.CallCenter {
	t.Helper()
	for _, c := range s.centers(t, dialpad.ListFilter{}) {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no call center %q", name)
	return dialpad.CallCenter{}
}

func (s *hoursStack) department(t *testing.T, name string) dialpad.Department {
	t.Helper()
	for _, d := range s.departments(t, dialpad.ListFilter{}) {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("no department %q", name)
	return dialpad.Department{}
}

// setHours changes a call center's or department's hours as if someone did
// it in Dialpad's own app.
func (s *hoursStack) setCenterHours(t *testing.T, id dialpad.ID, w dialpad.WeekHours) {
	t.Helper()
	if err := s.Emulator.MutateCallCenter(id, func(cc *dialpad.CallCenter) { cc.WeekHours = w }); err != nil {
		t.Fatal(err)
	}
}

func (s *hoursStack) setDepartmentHours(t *testing.T, id dialpad.ID, w dialpad.WeekHours) {
	t.Helper()
	if err := s.Emulator.MutateDepartment(id, func(d *dialpad.Department) { d.WeekHours = w }); err != nil {
		t.Fatal(err)
	}
}

// apiRequests is what the console sent Dialpad since the last reset, as
// "METHOD path".
func (s *hoursStack) apiRequests() []string {
	var out []string
	for _, r := range s.Emulator.Requests() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

// weekdays is hours_on with the same ranges Monday to Friday, weekends
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

// weekForm is w as the bulk form posts it.
func weekForm(w dialpad.WeekHours) url.Values {
	v := url.Values{}
	if w.HoursOn {
		v.Set("hours_on", "true")
	}
	for _, d := range dialpad.Weekdays() {
		v[d.Field()] = append([]string{}, w.Day(d)...)
	}
	return v
}

// mustStatus fails the test unless res has status want.
func hoursStatus(t *testing.T, res *webtest.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s answered %d, want %d:\n%s", res.URL, res.StatusCode, want, res.Body)
	}
}

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

var (
	rowNameRE = regexp.MustCompile(`data-testid="row-name">([^<]*)<`)
	baseRE    = regexp.MustCompile(`name="_base" value="([^"]*)"`)
)

// svgPath is the d attribute of the week bars' path of class in a row.
func svgPath(row, class string) string {
	return html.UnescapeString(hoursBetween(row, `class="`+class+`" d="`, `"`))
}

// rects counts the rectangles of a week bars path: each ends with "z".
func rects(row, class string) int { return strings.Count(svgPath(row, class), "z") }

// sealedBase is the _base hidden field of a form page.
func sealedBase(t *testing.T, body string) string {
	t.Helper()
	m := baseRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("page has no _base field:\n%s", body)
	}
	return html.UnescapeString(m[1])
}

// highlighted lists the names of highlighted rows, sorted.
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

// patches returns the PATCH bodies sent, by path, decoded.
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

// jsonEqual compares a decoded body with the JSON want.
func hoursJSONEqual(t *testing.T, got map[string]any, want string) bool {
	t.Helper()
	var w map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(got, w)
}
