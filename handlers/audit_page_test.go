package handlers_test

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/audit"
	"switchboard/web/store"
)

// seedAudit records entries straight into the store: n by Dana on call
// centers of office 1 in early March, and a few others to filter out.
func seedAudit(t *testing.T, db *store.DB, n int) {
	t.Helper()
	rec := func(at time.Time, email string, kind audit.Kind, id string, office dialpad.ID) {
		_, err := db.Audit().Record(t.Context(), audit.Entry{
			At: at, Actor: audit.Actor{Email: email, Name: email}, Credential: audit.OwnToken,
			Resource: audit.Resource{Kind: kind, ID: id, Name: "Resource " + id, OfficeID: office},
			Changes:  []audit.Change{{Field: "ring_seconds", Old: "20", New: "30"}},
			Outcome:  audit.AppliedOutcome(),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	march := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	for i := range n {
		rec(march.Add(time.Duration(i)*time.Minute), "dana@example.com", audit.CallCenter, fmt.Sprint(100+i), 1)
	}
	rec(time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC), "priya@example.com", audit.CallRouter, "42", 2)
	rec(time.Date(2026, 3, 11, 12, 0, 0, 0, time.UTC), "priya@example.com", audit.CallRouter, "43", 2)
	rec(time.Date(2026, 3, 12, 12, 0, 0, 0, time.UTC), "oliver@example.com", audit.Department, "7", 3)
}

func TestAuditPageFilters(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	seedAudit(t, db, 3)
	tests := []struct {
		query string
		rows  int
		first string // the newest row's resource name
	}{
		{"", 6, "Resource 7"},
		{"email=PRIYA@example.com", 2, "Resource 43"},
		{"kind=callrouter", 2, "Resource 43"},
		{"kind=callrouter&resource=42", 1, "Resource 42"},
		{"office_id=1", 3, "Resource 102"},
		{"from=2026-03-10&to=2026-03-11", 2, "Resource 43"},
		{"to=2026-03-02", 3, "Resource 102"},
		{"email=dana@example.com&kind=department", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := s.b.Get("/audit?" + tt.query)
			mustStatus(t, res, http.StatusOK)
			rs := testRows(res.Body, "audit-row")
			if len(rs) != tt.rows {
				t.Fatalf("%d rows, want %d", len(rs), tt.rows)
			}
			if tt.rows > 0 && !strings.Contains(rs[0], ">"+tt.first+"<") {
				t.Errorf("newest row is not %s:\n%s", tt.first, rs[0])
			}
			if tt.query != "" && !strings.Contains(res.Body, `href="/audit.csv?`) {
				t.Error("no CSV link with the filters")
			}
		})
	}
}

func TestAuditPageRejectsBadFilters(t *testing.T) {
	opt, _ := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	tests := []struct {
		query, field, kept string
	}{
		{"email=dana", "email", `value="dana"`},
		{"kind=router", "kind", ""},
		{"office_id=London", "office_id", `value="London" selected`},
		{"from=2026-13-01", "from", `value="2026-13-01"`},
		{"from=2026-03-10&to=2026-03-01", "to", `value="2026-03-01"`},
		{"resource=42", "resource", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			for _, path := range []string{"/audit?", "/audit.csv?"} {
				res := s.b.Get(path + tt.query)
				mustStatus(t, res, http.StatusUnprocessableEntity)
				if testText(res.Body, "error-"+tt.field) == "" {
					t.Errorf("%s: no message next to %s", path, tt.field)
				}
				if tt.kept != "" && !strings.Contains(res.Body, tt.kept) {
					t.Errorf("%s: input lost, want %s", path, tt.kept)
				}
			}
		})
	}
}

func TestAuditPagePagesAndExports(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	seedAudit(t, db, audit.DefaultLimit+5)

	first := s.b.Get("/audit?kind=callcenter")
	mustStatus(t, first, http.StatusOK)
	if n := len(testRows(first.Body, "audit-row")); n != audit.DefaultLimit {
		t.Fatalf("first page: %d rows, want %d", n, audit.DefaultLimit)
	}
	older := attr(t, first.Body, "audit-older", "href")
	if q, _ := url.ParseQuery(strings.TrimPrefix(older, "/audit?")); q.Get("kind") != "callcenter" || q.Get("before") == "" {
		t.Fatalf("Older link %q does not keep the filter", older)
	}
	second := s.b.Get(older)
	mustStatus(t, second, http.StatusOK)
	rs := testRows(second.Body, "audit-row")
	if len(rs) != 5 || !strings.Contains(rs[4], ">Resource 100<") {
		t.Fatalf("second page: %d rows, want the 5 oldest", len(rs))
	}
	if strings.Contains(second.Body, `data-testid="audit-older"`) {
		t.Error("the last page offers an older one")
	}

	res := s.b.Get("/audit.csv?kind=callcenter")
	mustStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type %q", ct)
	}
	recs, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+audit.DefaultLimit+5 {
		t.Fatalf("CSV has %d lines, want a header and every match (%d)", len(recs), audit.DefaultLimit+5)
	}
	if recs[1][6] != fmt.Sprintf("Resource %d", 100+audit.DefaultLimit+4) || recs[1][4] != "callcenter" {
		t.Errorf("first CSV row %q, want the newest call center", recs[1])
	}
}

// TestAdminPagesRefuseOthers: /audit, its CSV, /access and its posts are
// for admins; a viewer gets 403, nothing changes and nothing is shown.
func TestAdminPagesRefuseOthers(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.ManagerUserID, opt)
	seedAudit(t, db, 1)
	for _, req := range []struct{ method, path string }{
		{http.MethodGet, "/audit"}, {http.MethodGet, "/audit.csv"}, {http.MethodGet, "/access"},
		{http.MethodPost, "/access"}, {http.MethodPost, "/access/revoke"},
	} {
		var res = s.b.Get(req.path)
		if req.method == http.MethodPost {
			res = s.b.PostForm(req.path, url.Values{"email": {"marcus@example.com"}, "role": {"admin"}})
		}
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("%s %s: %d, want 403", req.method, req.path, res.StatusCode)
		}
		if strings.Contains(res.Body, "dana@example.com") {
			t.Errorf("%s %s shows the audit trail", req.method, req.path)
		}
	}
	if gs, _ := db.Grants().List(t.Context()); len(gs) != 0 {
		t.Errorf("a viewer's post granted %v", gs)
	}
	if home := s.b.Get("/"); strings.Contains(home.Body, `href="/audit"`) || strings.Contains(home.Body, `href="/access"`) {
		t.Error("the navigation offers admin pages to a viewer")
	}
}

// attr is attribute name of the element with data-testid id, unescaped.
func attr(t *testing.T, body, id, name string) string {
	t.Helper()
	re := regexp.MustCompile(`<[a-z]+\b[^>]*data-testid="` + regexp.QuoteMeta(id) + `"[^>]*>`)
	tag := re.FindString(body)
	if tag == "" {
		t.Fatalf("no element %q on the page", id)
	}
	return attributes(tag)[name]
}

// testRows is the HTML of each table row marked data-testid=id.
func testRows(body, id string) []string {
	parts := strings.Split(body, `data-testid="`+id+`"`)
	out := make([]string, 0, len(parts))
	for _, p := range parts[1:] {
		if end := strings.Index(p, "</tr>"); end >= 0 {
			p = p[:end]
		}
		out = append(out, p)
	}
	return out
}

// TestEditorPagesLinkToTheirHistory: admins find each resource's own
// history from its editor page; the link leads to that resource's entries.
func TestEditorPagesLinkToTheirHistory(t *testing.T) {
	opt, _ := withAudit(t)
	s := startIVRs(t, emulator.AdminUserID, opt)
	viewer := s.LoginAs(t, emulator.ManagerUserID)
	cc, d, cr := s.callCenter("Sales"), s.department("Finance"), s.router("VIP Customer Router")
	tests := []struct{ page, kind, id string }{
		{ccPath(cc), "callcenter", cc.ID.String()},
		{"/departments/" + d.ID.String(), "department", d.ID.String()},
		{"/routers/" + cr.ID.String(), "callrouter", cr.ID.String()},
		{ivrPath(cc.ID), "customivr", "callcenter:" + cc.ID.String()},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			res := s.b.Get(tt.page)
			mustStatus(t, res, http.StatusOK)
			want := "/audit?" + url.Values{"kind": {tt.kind}, "resource": {tt.id}}.Encode()
			if got := attr(t, res.Body, "history-link", "href"); got != want {
				t.Errorf("history link %q, want %q", got, want)
			}
			if v := viewer.Get(tt.page); strings.Contains(v.Body, `data-testid="history-link"`) {
				t.Error("a viewer is offered the history")
			}
		})
	}
}
