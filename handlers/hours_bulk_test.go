package handlers_test

import (
	"html"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// bulkCase is four London targets for Mon–Fri 09:00–17:00: UK Sales
// (09:00–17:30 on weekdays) changes five days, Freight Claims and Finance
// (Friday ends early) change Friday only, and Fleet Maintenance already
// has the week.
type bulkCase struct {
	s                                *stack
	b                                *webtest.Browser
	ukSales, claims, finance, fleet  string // targets
	ukSalesP, claimsP, financeP, flP string // API paths
	page                             *webtest.Response
}

func newBulkCase(t *testing.T, user dialpad.ID) *bulkCase {
	t.Helper()
	s := newStack(t)
	uk, claims, fin, fleet := s.callCenter("UK Sales"), s.callCenter("Freight Claims"), s.department("Finance"), s.department("Fleet Maintenance")
	// The hours are set here, not taken from the seed, so the case says
	// what it tests whatever the demo data becomes.
	fridayUntil := func(close string) dialpad.WeekHours {
		w := monToFri("09:00", "17:00")
		w.FridayHours = []string{"09:00", close}
		return w
	}
	s.setCenterHours(uk.ID, monToFri("09:00", "17:30"))
	s.setCenterHours(claims.ID, fridayUntil("13:00"))
	s.setDepartmentHours(fin.ID, fridayUntil("15:00"))
	s.setDepartmentHours(fleet.ID, monToFri("09:00", "17:00"))
	c := &bulkCase{s: s}
	c.ukSales, c.ukSalesP = "callcenter:"+uk.ID.String(), "/api/v2/callcenters/"+uk.ID.String()
	c.claims, c.claimsP = "callcenter:"+claims.ID.String(), "/api/v2/callcenters/"+claims.ID.String()
	c.finance, c.financeP = "department:"+fin.ID.String(), "/api/v2/departments/"+fin.ID.String()
	c.fleet, c.flP = "department:"+fleet.ID.String(), "/api/v2/departments/"+fleet.ID.String()
	c.b = s.LoginAs(t, user)
	return c
}

// open renders the bulk form for the four targets.
func (c *bulkCase) open(t *testing.T) {
	t.Helper()
	q := url.Values{"target": {c.ukSales, c.claims, c.finance, c.fleet}}
	c.page = c.b.Get("/hours/bulk?" + q.Encode())
	mustStatus(t, c.page, http.StatusOK)
}

// post submits the form for targets with week and action, after
// forgetting earlier requests.
func (c *bulkCase) post(t *testing.T, week url.Values, action string, targets ...string) *webtest.Response {
	t.Helper()
	form := url.Values{}
	for k, v := range week {
		form[k] = v
	}
	form.Set("_base", sealedBase(t, c.page.Body))
	form["target"] = targets
	form.Set("action", action)
	c.s.Emulator.ResetRequests()
	return c.b.PostForm("/hours/bulk", form)
}

func (c *bulkCase) all() []string { return []string{c.ukSales, c.claims, c.finance, c.fleet} }

// results maps each result row's name to its outcome and details.
func bulkResults(t *testing.T, body string) map[string]string {
	t.Helper()
	out := map[string]string{}
	parts := strings.Split(body, `data-testid="bulk-result"`)
	for _, p := range parts[1:] {
		p = p[:strings.Index(p, "</tr>")]
		name := between(p, `data-testid="bulk-result-name">`, "<")
		outcome := between(p, `data-testid="bulk-outcome">`, "<")
		detail := between(p, `data-testid="bulk-detail">`, "<")
		out[html.UnescapeString(name)] = outcome + ": " + html.UnescapeString(detail)
	}
	return out
}

func TestHoursBulkFormStartsFromTheTargets(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	for _, name := range []string{"UK Sales", "Freight Claims", "Finance", "Fleet Maintenance"} {
		if !strings.Contains(c.page.Body, ">"+name+"<") {
			t.Errorf("form does not list %s", name)
		}
	}
	if n := strings.Count(c.page.Body, `data-testid="bulk-target-box" checked`); n != 4 {
		t.Errorf("%d targets ticked, want 4", n)
	}
	if !strings.Contains(c.page.Body, `name="hours_on" value="true" checked`) {
		t.Error("hours_on is not ticked")
	}
	// With htmx the form shows progress while a batch runs.
	for _, s := range []string{`hx-post="/hours/bulk"`, `hx-indicator="#bulk-progress"`, `id="bulk-progress"`} {
		if !strings.Contains(c.page.Body, s) {
			t.Errorf("form lacks %s", s)
		}
	}
	// Field names are the API's.
	for _, d := range dialpad.Weekdays() {
		if !strings.Contains(c.page.Body, `name="`+d.Field()+`"`) {
			t.Errorf("no %s inputs", d.Field())
		}
	}
}

func TestHoursBulkApplySendsOnlyTheChangedDays(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	res := c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.all()...)
	mustStatus(t, res, http.StatusOK)

	reqs := c.s.Emulator.Requests()
	got := bulkPatches(t, reqs)
	nineToFive := `["09:00","17:00"]`
	want := map[string]string{
		c.ukSalesP: `{"monday_hours":` + nineToFive + `,"tuesday_hours":` + nineToFive + `,"wednesday_hours":` + nineToFive +
			`,"thursday_hours":` + nineToFive + `,"friday_hours":` + nineToFive + `}`,
		c.claimsP:  `{"friday_hours":` + nineToFive + `}`,
		c.financeP: `{"friday_hours":` + nineToFive + `}`,
	}
	if len(got) != len(want) {
		t.Errorf("PATCHed %d targets, want %d: %v", len(got), len(want), c.s.apiRequests())
	}
	for path, body := range want {
		if !hoursJSONEqual(t, got[path], body) {
			t.Errorf("PATCH %s = %v, want %s", path, got[path], body)
		}
	}
	// The target that already matched was not even read.
	for _, r := range reqs {
		if r.Path == c.flP {
			t.Errorf("skipped target got %s %s", r.Method, r.Path)
		}
	}

	results := bulkResults(t, res.Body)
	wantResults := map[string]string{
		"UK Sales":          "Updated: Changed Monday, Tuesday, Wednesday, Thursday and Friday.",
		"Freight Claims":    "Updated: Changed Friday.",
		"Finance":           "Updated: Changed Friday.",
		"Fleet Maintenance": "Skipped: Already matches; nothing sent.",
	}
	for name, w := range wantResults {
		if results[name] != w {
			t.Errorf("result for %s = %q, want %q", name, results[name], w)
		}
	}
	if !strings.Contains(res.Body, "3 updated, 1 skipped.") {
		t.Error("summary missing")
	}
	// Dialpad has the new hours.
	if got := c.s.callCenter("Freight Claims").FridayHours; !slices.Equal(got, []string{"09:00", "17:00"}) {
		t.Errorf("Freight Claims Friday is %q", got)
	}
}

func TestHoursBulkRateLimitedItemIsReportedAndTheRestContinue(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	t.Cleanup(c.s.Emulator.InjectFault(emulator.Fault{
		Path: c.claimsP, Status: http.StatusTooManyRequests, RetryAfter: 7 * time.Second, Times: 1,
	}))
	res := c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.all()...)
	mustStatus(t, res, http.StatusOK)
	results := bulkResults(t, res.Body)
	if r := results["Freight Claims"]; !strings.HasPrefix(r, "Failed:") || !strings.Contains(r, "try again in 7 seconds") {
		t.Errorf("rate-limited target reported as %q", r)
	}
	for _, name := range []string{"UK Sales", "Finance"} {
		if !strings.HasPrefix(results[name], "Updated:") {
			t.Errorf("%s: %q, want Updated", name, results[name])
		}
	}
	got := bulkPatches(t, c.s.Emulator.Requests())
	if _, ok := got[c.claimsP]; ok {
		t.Error("the rate-limited target was PATCHed")
	}
	if len(got) != 2 {
		t.Errorf("%d PATCHes, want 2 (UK Sales, Finance)", len(got))
	}
	if !strings.Contains(res.Body, "2 updated, 1 skipped, 1 failed.") {
		t.Error("summary missing")
	}

	// Applying again retries the failed one; the rest now match.
	c.page = res
	res = c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.all()...)
	mustStatus(t, res, http.StatusOK)
	got = bulkPatches(t, c.s.Emulator.Requests())
	if len(got) != 1 || !hoursJSONEqual(t, got[c.claimsP], `{"friday_hours":["09:00","17:00"]}`) {
		t.Errorf("second attempt sent %v", got)
	}
}

func TestHoursBulkConflictIsNotOverwritten(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	claims := c.s.callCenter("Freight Claims")
	// Someone shortens Friday in Dialpad after the form was rendered.
	if err := c.s.Emulator.MutateCallCenter(claims.ID, func(cc *dialpad.CallCenter) {
		cc.FridayHours = []string{"10:00", "12:00"}
	}); err != nil {
		t.Fatal(err)
	}
	res := c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.claims, c.finance)
	mustStatus(t, res, http.StatusOK)
	got := bulkPatches(t, c.s.Emulator.Requests())
	if _, ok := got[c.claimsP]; ok {
		t.Error("the conflicting target was overwritten")
	}
	if _, ok := got[c.financeP]; !ok {
		t.Error("the other target was not saved")
	}
	r := bulkResults(t, res.Body)["Freight Claims"]
	if !strings.HasPrefix(r, "Conflict:") || !strings.Contains(r, "Friday (now 10:00–12:00)") {
		t.Errorf("conflict reported as %q", r)
	}

	// Only conflicts: 409, and nothing sent.
	c.open(t)
	if err := c.s.Emulator.MutateCallCenter(claims.ID, func(cc *dialpad.CallCenter) {
		cc.FridayHours = []string{"11:00", "12:00"}
	}); err != nil {
		t.Fatal(err)
	}
	res = c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.claims)
	mustStatus(t, res, http.StatusConflict)
	if got := bulkPatches(t, c.s.Emulator.Requests()); len(got) != 0 {
		t.Errorf("sent %v", got)
	}
}

func TestHoursBulkPreviewSendsNothing(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	res := c.post(t, weekForm(monToFri("09:00", "17:00")), "preview", c.claims, c.fleet)
	mustStatus(t, res, http.StatusOK)
	if reqs := c.s.apiRequests(); len(reqs) != 0 {
		t.Errorf("preview sent %v", reqs)
	}
	got := map[string]string{}
	for _, tgt := range strings.Split(res.Body, `data-testid="bulk-target"`)[1:] {
		name := between(tgt, `<span class="strong">`, "<")
		if change := between(tgt, `data-testid="preview-change">`, "<"); change != "" {
			got[name] = html.UnescapeString(change)
		}
	}
	want := map[string]string{"Freight Claims": "Will change Friday", "Fleet Maintenance": "Already matches — skipped"}
	if !maps.Equal(got, want) {
		t.Errorf("preview %q, want %q", got, want)
	}
	if !strings.Contains(res.Body, "Nothing sent yet: 1 would change, 1 already matches.") {
		t.Error("preview summary missing")
	}
	// The unticked targets stay on the form, unticked.
	if n := strings.Count(res.Body, `data-testid="bulk-target-box" checked`); n != 2 {
		t.Errorf("%d ticked after preview, want 2", n)
	}
}

func TestHoursBulkInvalidInputSendsNothing(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	bad := weekForm(monToFri("09:00", "17:00"))
	bad["monday_hours"] = []string{"25:00", "17:00"}
	bad["tuesday_hours"] = []string{"12:00", "09:00"}
	bad["wednesday_hours"] = []string{"09:00", "13:00", "12:00", "17:00"}
	bad["thursday_hours"] = []string{"09:00", ""}

	tests := []struct {
		name    string
		form    url.Values
		targets []string
		want    []string // on the page
	}{
		{"invalid week", bad, []string{c.claims, c.finance}, []string{
			`data-testid="error-monday_hours"`, html.EscapeString(`opening time "25:00" is not a 24-hour time like 09:00`),
			`data-testid="error-tuesday_hours"`, "closes (09:00) before it opens (12:00)",
			`data-testid="error-wednesday_hours"`, "overlaps the range above it",
			`data-testid="error-thursday_hours"`, "Range 1 needs both an opening and a closing time.",
			`value="25:00"`, // the input is kept
		}},
		{"no target", weekForm(monToFri("09:00", "17:00")), nil, []string{
			`data-testid="error-target"`, "Tick at least one call center or department.",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.post(t, tt.form, "apply", tt.targets...)
			mustStatus(t, res, http.StatusUnprocessableEntity)
			if reqs := c.s.apiRequests(); len(reqs) != 0 {
				t.Errorf("invalid form sent %v", reqs)
			}
			for _, s := range tt.want {
				if !strings.Contains(res.Body, s) {
					t.Errorf("page lacks %s", s)
				}
			}
			if n := strings.Count(res.Body, `data-testid="bulk-target-box" checked`); n != len(tt.targets) {
				t.Errorf("%d ticked, want the %d selections kept", n, len(tt.targets))
			}
		})
	}
}

func TestHoursBulkRefusals(t *testing.T) {
	admin := newBulkCase(t, emulator.AdminUserID)
	admin.open(t)
	manager := admin.s.LoginAs(t, emulator.ManagerUserID)
	form := weekForm(monToFri("09:00", "17:00"))
	form.Set("_base", sealedBase(t, admin.page.Body))
	form["target"] = admin.all()
	form.Set("action", "apply")

	tests := []struct {
		name   string
		b      *webtest.Browser
		form   func() url.Values
		status int
	}{
		{"manager", manager, func() url.Values { return form }, http.StatusForbidden},
		{"tampered base", admin.b, func() url.Values {
			f := url.Values{}
			for k, v := range form {
				f[k] = v
			}
			base := []byte(form.Get("_base"))
			if base[20] == 'A' {
				base[20] = 'B'
			} else {
				base[20] = 'A'
			}
			f.Set("_base", string(base))
			return f
		}, http.StatusBadRequest},
		// Only company admins change hours now, and the demo has one: the
		// office admin with the admin's base is refused before it is read.
		{"another person's base", admin.s.LoginAs(t, emulator.OfficeAdminUserID), func() url.Values { return form }, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			admin.s.Emulator.ResetRequests()
			res := tt.b.PostForm("/hours/bulk", tt.form())
			mustStatus(t, res, tt.status)
			if reqs := admin.s.apiRequests(); len(reqs) != 0 {
				t.Errorf("sent %v", reqs)
			}
		})
	}
}

func TestHoursBulkOpenAllDaySendsOnlyHoursOn(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	// hours_on unticked: the day inputs are still posted, and ignored.
	week := weekForm(monToFri("10:00", "11:00"))
	week.Del("hours_on")
	res := c.b.HTMX(http.MethodPost, "/hours/bulk", func() url.Values {
		week.Set("_base", sealedBase(t, c.page.Body))
		week["target"] = []string{c.claims, c.finance}
		week.Set("action", "apply")
		c.s.Emulator.ResetRequests()
		return week
	}())
	mustStatus(t, res, http.StatusOK)
	if strings.Contains(res.Body, "<html") || !strings.Contains(res.Body, `id="bulk"`) {
		t.Error("htmx did not get the bulk section alone")
	}
	got := bulkPatches(t, c.s.Emulator.Requests())
	for _, p := range []string{c.claimsP, c.financeP} {
		if !hoursJSONEqual(t, got[p], `{"hours_on":false}`) {
			t.Errorf("PATCH %s = %v, want only hours_on", p, got[p])
		}
	}
	if r := bulkResults(t, res.Body)["Finance"]; r != "Updated: Now open 24/7." {
		t.Errorf("Finance: %q", r)
	}
}
