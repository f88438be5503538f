package handlers_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestHoursReviewListsEveryCallCenterAndDepartment(t *testing.T) {
	s := newStack(t)
	centers := s.callCenters(dialpad.ListFilter{})
	depts := s.departments(dialpad.ListFilter{})
	if len(centers) < 10 || len(depts) < 3 {
		t.Fatalf("demo seed has %d call centers, %d departments; the test needs it", len(centers), len(depts))
	}
	b := s.LoginAs(t, emulator.AdminUserID)
	res := b.Get("/hours")
	mustStatus(t, res, http.StatusOK)
	rows := reviewRows(t, res.Body)
	if len(rows) != len(centers)+len(depts) {
		t.Errorf("%d rows, want %d call centers + %d departments", len(rows), len(centers), len(depts))
	}
	check := func(name, href string, w dialpad.WeekHours, kind string) {
		t.Helper()
		row, ok := rows[name]
		if !ok {
			t.Errorf("no row for %q", name)
			return
		}
		for _, want := range []string{
			`href="` + href + `"`,
			`data-testid="week-bars"`,
			`data-testid="open-status"`,
			`data-testid="row-kind">` + kind + `<`,
		} {
			if !strings.Contains(row, want) {
				t.Errorf("row %q lacks %s", name, want)
			}
		}
		// 24/7 is one blue week; otherwise a rectangle per open range and
		// a hatched one per closed day.
		if !w.HoursOn {
			if n := rects(row, "wb-allday"); n != 7 || !strings.Contains(row, ">24/7<") {
				t.Errorf("24/7 row %q: %d all-day bars, or badge missing", name, n)
			}
			return
		}
		var open, closed int
		for _, d := range dialpad.Weekdays() {
			ranges, _ := dialpad.ParseDay(d, w.Day(d))
			open += len(ranges)
			if len(ranges) == 0 {
				closed++
			}
		}
		if n := rects(row, "wb-open"); n != open {
			t.Errorf("row %q: %d open bars, want %d", name, n, open)
		}
		if n := rects(row, "wb-closed"); n != closed {
			t.Errorf("row %q: %d closed days marked, want %d", name, n, closed)
		}
	}
	for _, c := range centers {
		check(c.Name, "/callcenters/"+c.ID.String(), c.WeekHours, "Call center")
	}
	for _, d := range depts {
		check(d.Name, "/departments/"+d.ID.String(), d.WeekHours, "Department")
	}
	// A split shift is two bars on the day: Monday 08:00-12:00 and
	// 13:00-17:00 are minutes 480-720 and 780-1020 on the first line.
	if d := svgPath(rows["Support Tier 2"], "wb-open"); !strings.HasPrefix(d, "M480 1h240v8h-240zM780 1h240v8h-240z") {
		t.Errorf("split shift of Support Tier 2 drawn as %q", d)
	}
	if !strings.Contains(res.Body, `href="/hours" class="nav-link is-active"`) {
		t.Error("Business hours is not the active section")
	}
}

func TestHoursReviewReadsOnlyTheListsPerOffice(t *testing.T) {
	s := newStack(t)
	offices := s.offices()
	b := s.LoginAs(t, emulator.AdminUserID)
	s.Emulator.ResetRequests()
	mustStatus(t, b.Get("/hours"), http.StatusOK)

	reqs := s.Emulator.Requests()
	lists := map[string]int{}
	for _, r := range reqs {
		if r.Method != http.MethodGet {
			t.Errorf("review sent %s %s", r.Method, r.Path)
		}
		switch r.Path {
		case "/api/v2/offices":
			lists[r.Path]++
		case "/api/v2/callcenters", "/api/v2/departments":
			q, _ := url.ParseQuery(r.RawQuery)
			lists[r.Path+"?office_id="+q.Get("office_id")]++
		default:
			t.Errorf("review read %s: only the offices, call center and department lists may be read", r.Path)
		}
	}
	if lists["/api/v2/offices"] != 1 {
		t.Errorf("offices listed %d times, want 1", lists["/api/v2/offices"])
	}
	for _, o := range offices {
		for _, p := range []string{"/api/v2/callcenters", "/api/v2/departments"} {
			if n := lists[p+"?office_id="+o.ID.String()]; n != 1 {
				t.Errorf("%s for %s read %d times, want once", p, o.Name, n)
			}
		}
	}
	if want := 1 + 2*len(offices); len(reqs) != want {
		t.Errorf("%d requests, want %d: %v", len(reqs), want, s.apiRequests())
	}
}

func TestHoursReviewFilters(t *testing.T) {
	s := newStack(t)
	london := s.office("London")
	all := map[string]string{} // name -> office id
	var deptNames []string
	for _, c := range s.callCenters(dialpad.ListFilter{}) {
		all[c.Name] = c.OfficeID.String()
	}
	for _, d := range s.departments(dialpad.ListFilter{}) {
		all[d.Name] = d.OfficeID.String()
		deptNames = append(deptNames, d.Name)
	}
	namesWhere := func(keep func(name, office string) bool) []string {
		var out []string
		for n, o := range all {
			if keep(n, o) {
				out = append(out, n)
			}
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name  string
		query url.Values
		want  []string
		text  []string
	}{
		{
			name:  "office",
			query: url.Values{"office_id": {london.ID.String()}},
			want:  namesWhere(func(_, o string) bool { return o == london.ID.String() }),
			text:  []string{`<option value="` + london.ID.String() + `" selected`},
		},
		{
			name:  "name, any case",
			query: url.Values{"q": {"SUPPORT"}},
			want:  namesWhere(func(n, _ string) bool { return strings.Contains(strings.ToLower(n), "support") }),
			text:  []string{`value="SUPPORT"`},
		},
		{
			name:  "departments only",
			query: url.Values{"kind": {"department"}},
			want:  namesWhere(func(n, _ string) bool { return slices.Contains(deptNames, n) }),
			text:  []string{`<option value="department" selected`},
		},
		{
			name:  "office and name match nothing",
			query: url.Values{"office_id": {london.ID.String()}, "q": {"zzz"}},
			want:  nil,
			text:  []string{html.EscapeString(`No call centers or departments match "zzz" in London.`)},
		},
		{
			name:  "unknown office is ignored with a note",
			query: url.Values{"office_id": {"42"}},
			want:  namesWhere(func(string, string) bool { return true }),
			text:  []string{"No office has id 42"},
		},
	}
	b := s.LoginAs(t, emulator.AdminUserID)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := b.Get("/hours?" + tt.query.Encode())
			mustStatus(t, res, http.StatusOK)
			var got []string
			for n := range reviewRows(t, res.Body) {
				got = append(got, n)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows %q\nwant %q", got, tt.want)
			}
			for _, s := range tt.text {
				if !strings.Contains(res.Body, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			// The export carries the same filter.
			if !strings.Contains(res.Body, `href="/hours.csv`) {
				t.Error("no CSV link")
			}
		})
	}

	// htmx gets the results alone.
	res := b.HTMX(http.MethodGet, "/hours?kind=department", nil)
	mustStatus(t, res, http.StatusOK)
	if strings.Contains(res.Body, "<html") || strings.Contains(res.Body, `data-testid="filters"`) {
		t.Error("htmx answer carries the layout or the filter form")
	}
	if len(reviewRows(t, res.Body)) != len(deptNames) {
		t.Errorf("htmx partial has %d rows, want %d", len(reviewRows(t, res.Body)), len(deptNames))
	}
}

func TestHoursReviewHighlightsTheOddOneOut(t *testing.T) {
	s := newStack(t)
	london := s.office("London")
	nineToFive := monToFri("09:00", "17:00")
	var odd string
	for i, c := range s.callCenters(dialpad.ListFilter{OfficeID: london.ID}) {
		w := nineToFive
		if i == 1 {
			w = monToFri("08:00", "12:00", "13:00", "16:00")
			odd = c.Name
		}
		s.setCenterHours(c.ID, w)
	}
	for _, d := range s.departments(dialpad.ListFilter{OfficeID: london.ID}) {
		s.setDepartmentHours(d.ID, nineToFive)
	}
	// Elsewhere no two are alike: nothing usual to differ from there.
	n := 0
	unique := func() dialpad.WeekHours {
		n++
		return monToFri(fmt.Sprintf("%02d:00", n), "23:00")
	}
	for _, o := range s.offices() {
		if o.ID == london.ID {
			continue
		}
		for _, c := range s.callCenters(dialpad.ListFilter{OfficeID: o.ID}) {
			s.setCenterHours(c.ID, unique())
		}
		for _, d := range s.departments(dialpad.ListFilter{OfficeID: o.ID}) {
			s.setDepartmentHours(d.ID, unique())
		}
	}

	b := s.LoginAs(t, emulator.AdminUserID)
	res := b.Get("/hours")
	mustStatus(t, res, http.StatusOK)
	rows := reviewRows(t, res.Body)
	if got := highlightedRows(rows); !slices.Equal(got, []string{odd}) {
		t.Fatalf("highlighted %q, want exactly %q", got, odd)
	}
	// The row says only how it differs; the usual week is worded once, in
	// its office's heading.
	if got, want := testText(rows[odd], "differs"), "Differs: Mon–Fri 08:00–12:00, 13:00–16:00 (usually 09:00–17:00)"; got != want {
		t.Errorf("odd row says %q, want %q", got, want)
	}
	if !strings.Contains(rows[odd], "hours-row-differs") {
		t.Error("odd row is not styled as differing")
	}
	ldn := officeGroup(t, res.Body, "London")
	total := len(s.callCenters(dialpad.ListFilter{OfficeID: london.ID})) + len(s.departments(dialpad.ListFilter{OfficeID: london.ID}))
	for id, want := range map[string]string{
		"office-usual":      "Usual hours: Mon–Fri 09:00–17:00; Sat–Sun closed",
		"office-usual-note": fmt.Sprintf("%d of %d call centers and departments keep these hours; the one below differs.", total-1, total),
	} {
		if got := testText(ldn, id); got != want {
			t.Errorf("London's heading %s says %q, want %q", id, got, want)
		}
	}
	if n := strings.Count(res.Body, "Usual hours:"); n != 1 {
		t.Errorf("the page words a usual schedule %d times, want once (London's)", n)
	}
	ny := officeGroup(t, res.Body, "New York HQ")
	if got := testText(ny, "office-usual-note"); !strings.HasPrefix(got, "No usual hours: no two of its ") {
		t.Errorf("New York's heading says %q, want why it has no usual hours", got)
	}
	if got := testText(res.Body, "legend"); !strings.Contains(got, "Highlighted rows differ from their office’s usual hours") {
		t.Errorf("legend says %q", got)
	}
	// Ranges and runs of days never wrap inside: each is one unbreakable span.
	for name, row := range rows {
		for _, cell := range []string{between(row, `data-testid="hours">`, "</td>"), between(row, `data-testid="differs">`, "</td>")} {
			if bare := looseRangeRE.FindString(cell); bare != "" {
				t.Errorf("row %q: %q may wrap inside: %s", name, bare, cell)
			}
		}
	}
}

// looseRangeRE finds a range or a run of days not alone in a nowrap span.
var looseRangeRE = regexp.MustCompile(`(?:^|[^>])(?:\d\d:\d\d|[A-Z][a-z]{2})–(?:\d\d:\d\d|[A-Z][a-z]{2})|(?:\d\d:\d\d|[A-Z][a-z]{2})–(?:\d\d:\d\d|[A-Z][a-z]{2})(?:[^<]|$)`)

// officeGroup is the part of the page under the office called name.
func officeGroup(t *testing.T, body, name string) string {
	t.Helper()
	for _, g := range strings.Split(body, `data-testid="office-group"`)[1:] {
		if testText(g, "office-group-name") == name {
			return g[:strings.Index(g+"</tbody>", "</tbody>")]
		}
	}
	t.Fatalf("no office group %q", name)
	return ""
}

func TestHoursReviewCache(t *testing.T) {
	s := newStack(t)
	b := s.LoginAs(t, emulator.AdminUserID)
	s.Emulator.ResetRequests()
	mustStatus(t, b.Get("/hours"), http.StatusOK)
	if len(s.Emulator.Requests()) == 0 {
		t.Fatal("first look read nothing from Dialpad")
	}

	sales := s.callCenter("Sales")
	// editorForm is the hours editor's form at path, as the browser posts it.
	editorForm := func(path string) url.Values {
		res := b.Get(path)
		mustStatus(t, res, http.StatusOK)
		return formOf(t, res.Body, "hours-form")
	}

	// Each step does something, then looks: the look either reads Dialpad
	// or is served from the cache.
	steps := []struct {
		name      string
		before    func()
		look      string
		wantReads bool
	}{
		{"a second look within 30 s is served from the cache", nil, "/hours", false},
		{"filtering a cached view reads nothing", nil, "/hours?q=sales&kind=callcenter", false},
		{"the CSV of a cached view reads nothing", nil, "/hours.csv", false},
		{"a refused write (400) keeps the cache", func() {
			res := b.PostForm("/hours/bulk", url.Values{"_base": {"x"}})
			if res.StatusCode < 400 {
				t.Fatalf("bad bulk post answered %d", res.StatusCode)
			}
		}, "/hours", false},
		{"the editor's live preview keeps the cache", func() {
			form := editorForm(ccPath(sales))
			edit := withDay(form, "monday_hours", "07:00", "11:00")
			mustStatus(t, b.HTMX(http.MethodPost, ccPath(sales)+"/preview", edit), http.StatusOK)
		}, "/hours", false},
		{"the editor's + Add range keeps the cache", func() {
			form := editorForm(ccPath(sales))
			mustStatus(t, b.HTMX(http.MethodPost, ccPath(sales), with(form, "_action", "add:tuesday_hours")), http.StatusOK)
		}, "/hours", false},
		{"saving an unchanged form sends nothing and keeps the cache", func() {
			mustStatus(t, b.PostForm(ccPath(sales), editorForm(ccPath(sales))), http.StatusSeeOther)
		}, "/hours", false},
		{"a bulk preview keeps the cache", func() {
			page := b.Get("/hours/bulk?target=callcenter:" + sales.ID.String())
			mustStatus(t, page, http.StatusOK)
			form := weekForm(monToFri("10:00", "14:00"))
			form.Set("_base", sealedBase(t, page.Body))
			form.Set("target", "callcenter:"+sales.ID.String())
			form.Set("action", "preview")
			mustStatus(t, b.PostForm("/hours/bulk", form), http.StatusOK)
		}, "/hours", false},
		{"saving in the editor updates my cache in place: no read", func() {
			form := withDay(editorForm(ccPath(sales)), "monday_hours", "07:00", "11:00")
			mustStatus(t, b.PostForm(ccPath(sales), form), http.StatusSeeOther)
			if got := s.callCenter("Sales").MondayHours; !slices.Equal(got, []string{"07:00", "11:00"}) {
				t.Fatalf("the save did not reach Dialpad: Monday is %q", got)
			}
		}, "/hours", false},
		{"another person's look does not use mine", func() {
			other := s.LoginAs(t, emulator.OfficeAdminUserID)
			s.Emulator.ResetRequests()
			other.Get("/hours")
			if len(s.Emulator.Requests()) == 0 {
				t.Error("the office admin was served the admin's cache")
			}
		}, "/hours", false},
		{"Refresh reads again", nil, "/hours?refresh=1", true},
		{"after 30 s the lists are read again", func() { s.Clock.Advance(31 * time.Second) }, "/hours", true},
		{"my own successful write updates my cache in place: no read", func() {
			// A bulk apply that changes one call center: a write that succeeds.
			c := s.callCenter("Billing")
			page := b.Get("/hours/bulk?target=callcenter:" + c.ID.String())
			mustStatus(t, page, http.StatusOK)
			form := weekForm(monToFri("09:00", "16:00"))
			form.Set("_base", sealedBase(t, page.Body))
			form.Set("target", "callcenter:"+c.ID.String())
			form.Set("action", "apply")
			mustStatus(t, b.PostForm("/hours/bulk", form), http.StatusOK)
		}, "/hours", false},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		s.Emulator.ResetRequests()
		mustStatus(t, b.Get(st.look), http.StatusOK)
		reads := s.apiRequests()
		if got := len(reads) > 0; got != st.wantReads {
			t.Errorf("%s: the look read %v", st.name, reads)
		}
	}
	// The writes show at once.
	res := b.Get("/hours")
	if row := reviewRows(t, res.Body)["Billing"]; !strings.Contains(row, "Mon–Fri 09:00–16:00") {
		t.Errorf("Billing does not show its new hours: %s", row)
	}
	if row := reviewRows(t, res.Body)["Sales"]; !strings.Contains(row, "07:00–11:00") {
		t.Errorf("Sales does not show its new Monday: %s", row)
	}
}

func TestHoursReviewShowsTheRestWhenAnOfficeFails(t *testing.T) {
	s := newStack(t)
	b := s.LoginAs(t, emulator.AdminUserID)
	// The first call center list fails; which office it belongs to is up
	// to the scheduler, so the page has to name it.
	t.Cleanup(s.Emulator.InjectFault(emulator.Fault{
		Path: "/api/v2/callcenters", Status: http.StatusTooManyRequests, RetryAfter: 3 * time.Second, Times: 1,
	}))
	res := b.Get("/hours")
	mustStatus(t, res, http.StatusOK)
	notices := strings.Count(res.Body, `data-testid="office-failed"`)
	if notices != 1 {
		t.Fatalf("%d office notices, want 1", notices)
	}
	var failed dialpad.Office
	for _, o := range s.offices() {
		if strings.Contains(res.Body, `data-testid="office-failed">`+html.EscapeString(o.Name)+" is not shown") {
			failed = o
		}
	}
	if failed.ID == 0 {
		t.Fatalf("the notice names no office:\n%s", res.Body)
	}
	if !strings.Contains(res.Body, "rate-limiting requests; wait 3 seconds") {
		t.Error("notice does not say why")
	}
	rows := reviewRows(t, res.Body)
	for _, c := range s.callCenters(dialpad.ListFilter{}) {
		_, shown := rows[c.Name]
		if shown == (c.OfficeID == failed.ID) {
			t.Errorf("%s (office %s): shown = %v", c.Name, c.OfficeID, shown)
		}
	}
	// An incomplete load is not cached: the next look tries again.
	s.Emulator.ResetRequests()
	res = b.Get("/hours")
	if len(s.Emulator.Requests()) == 0 || strings.Contains(res.Body, `data-testid="office-failed"`) {
		t.Error("the failed load was cached")
	}
}

func TestHoursReviewRights(t *testing.T) {
	s := newStack(t)
	tests := []struct {
		name      string
		user      dialpad.ID
		tickable  func(dialpad.ID) bool
		bulkPages int // status of GET /hours/bulk
	}{
		{"company admin ticks everything", emulator.AdminUserID, func(dialpad.ID) bool { return true }, http.StatusOK},
		// Hours of call centers and departments change with a company admin's
		// key only, London's too.
		{"office admin reviews but ticks nothing", emulator.OfficeAdminUserID, func(dialpad.ID) bool { return false }, http.StatusForbidden},
		{"manager reviews but ticks nothing", emulator.ManagerUserID, func(dialpad.ID) bool { return false }, http.StatusForbidden},
	}
	offices := map[string]dialpad.ID{}
	for _, c := range s.callCenters(dialpad.ListFilter{}) {
		offices[c.Name] = c.OfficeID
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := s.LoginAs(t, tt.user)
			res := b.Get("/hours")
			mustStatus(t, res, http.StatusOK)
			rows := reviewRows(t, res.Body)
			for name, office := range offices {
				if got := strings.Contains(rows[name], `data-testid="select-target"`); got != tt.tickable(office) {
					t.Errorf("%s: checkbox shown = %v", name, got)
				}
			}
			canBulk := strings.Contains(res.Body, `data-testid="bulk-open"`)
			if canBulk != (tt.user == emulator.AdminUserID) {
				t.Errorf("bulk button shown = %v", canBulk)
			}
			if tt.user != emulator.AdminUserID && !strings.Contains(res.Body, `data-testid="read-only-note"`) {
				t.Error("read-only person gets no note")
			}
			mustStatus(t, b.Get("/hours/bulk"), tt.bulkPages)
		})
	}
}

func TestHoursReviewWaitsOutAShortRateLimit(t *testing.T) {
	s := newStack(t)
	b := s.LoginAs(t, emulator.AdminUserID)
	want := len(s.callCenters(dialpad.ListFilter{})) + len(s.departments(dialpad.ListFilter{}))
	offices := len(s.offices())
	// One department list is refused for a second: the two sides of the
	// 20 requests/s limit disagreeing by a hair. The console waits and
	// reads it again rather than leave an office out.
	t.Cleanup(s.Emulator.InjectFault(emulator.Fault{
		Path: "/api/v2/departments", Status: http.StatusTooManyRequests, RetryAfter: time.Second, Times: 1,
	}))
	s.Emulator.ResetRequests()
	res := b.Get("/hours")
	mustStatus(t, res, http.StatusOK)
	if strings.Contains(res.Body, `data-testid="office-failed"`) {
		t.Error("an office was left out over a one-second 429")
	}
	if got := len(reviewRows(t, res.Body)); got != want {
		t.Errorf("%d rows, want %d", got, want)
	}
	lists := 0
	for _, r := range s.apiRequests() {
		if r == "GET /api/v2/departments" {
			lists++
		}
	}
	if lists != offices+1 {
		t.Errorf("departments listed %d times, want %d (one per office, one again)", lists, offices+1)
	}
}
