package emulator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestListPaginationFollowsCursor(t *testing.T) {
	f := newFixture(t, emulator.Options{PageSize: 5})
	tok := f.admin()

	var first page[dialpad.CallCenter]
	f.decode(f.do("GET", "/api/v2/callcenters", tok, nil), &first)
	if len(first.Items) != 5 || first.Cursor == "" {
		t.Fatalf("first page: %d items, cursor %q", len(first.Items), first.Cursor)
	}

	all := listAll[dialpad.CallCenter](f, "/api/v2/callcenters")
	if len(all) != 15 {
		t.Fatalf("%d call centers, want 15", len(all))
	}
	seen := map[dialpad.ID]bool{}
	for _, cc := range all {
		if seen[cc.ID] {
			t.Fatalf("call center %d listed twice", cc.ID)
		}
		seen[cc.ID] = true
	}

	// The last page carries no cursor at all.
	r := f.do("GET", "/api/v2/callcenters?cursor="+cursorAfter(t, f, "/api/v2/callcenters", 2), tok, nil)
	var raw map[string]json.RawMessage
	f.decode(r, &raw)
	if _, ok := raw["cursor"]; ok {
		t.Fatalf("last page has a cursor: %s", r.body)
	}

	wantError(t, f.do("GET", "/api/v2/callcenters?cursor=garbage!", tok, nil), 400, "cursor is not valid")
}

// cursorAfter returns the cursor of the n-th page (1-based).
func cursorAfter(t *testing.T, f *fixture, p string, n int) string {
	t.Helper()
	cursor := ""
	for range n {
		q := p
		if cursor != "" {
			q += "?cursor=" + cursor
		}
		var pg page[json.RawMessage]
		f.decode(f.do("GET", q, f.admin(), nil), &pg)
		cursor = pg.Cursor
	}
	return cursor
}

func TestListFilters(t *testing.T) {
	f := newFixture(t, emulator.Options{PageSize: 4})
	london := f.office("London")
	tokyo := f.office("Tokyo")

	tests := []struct {
		path string
		want []string
	}{
		{"/api/v2/callcenters?name_search=SUPPORT", []string{"Support Tier 1", "Support Tier 2", "Japan Support"}},
		{"/api/v2/callcenters?name_search=tier", []string{"Support Tier 1", "Support Tier 2"}},
		{path("/api/v2/callcenters?office_id=%s", london.ID), []string{"UK Sales", "UK Customer Care", "Freight Claims", "EMEA Night Desk", "Zürich Empfang "}},
		{path("/api/v2/callcenters?office_id=%s&name_search=sales", tokyo.ID), []string{"Japan Sales"}},
		{"/api/v2/callcenters?name_search=nothing-like-this", nil},
		{path("/api/v2/departments?office_id=%s", london.ID), []string{"Finance", "Fleet Maintenance"}},
		{"/api/v2/departments?name_search=human", []string{"Human Resources"}},
		{path("/api/v2/callrouters?office_id=%s", tokyo.ID), []string{"Carrier Hotline Router", "APAC Overflow Router", "Kansai Freight Router "}},
		{path("/api/v2/users?office_id=%s", tokyo.ID), []string{"Hiroshi Tanaka", "Yuki Sato"}},
		{"/api/v2/users?email=OLIVER.BENNETT@acme-logistics.com", []string{"Oliver Bennett"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			var got []string
			for _, item := range listAll[map[string]any](f, tt.path) {
				name, _ := item["name"].(string)
				if name == "" {
					name, _ = item["display_name"].(string)
				}
				got = append(got, name)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
	wantError(t, f.do("GET", "/api/v2/callcenters?office_id=abc", f.admin(), nil), 400, "office_id must be an integer")
}

// TestResponsesEncodeNumbersAsStrings checks every endpoint the console
// reads: ids and integers travel as JSON strings, as Dialpad sends them.
func TestResponsesEncodeNumbersAsStrings(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")
	for _, p := range []string{
		"/api/v2/users/me",
		"/api/v2/users",
		"/api/v2/company",
		"/api/v2/offices",
		"/api/v2/callcenters",
		path("/api/v2/callcenters/%s", sales.ID),
		path("/api/v2/callcenters/%s/status", sales.ID),
		"/api/v2/departments",
		"/api/v2/callrouters",
		path("/api/v2/customivrs?target_type=callcenter&target_id=%s", sales.ID),
	} {
		t.Run(p, func(t *testing.T) {
			r := f.do("GET", p, f.admin(), nil)
			dec := json.NewDecoder(bytes.NewReader(r.body))
			dec.UseNumber()
			var tree any
			if err := dec.Decode(&tree); err != nil || r.status != 200 {
				t.Fatalf("status %d, %v: %s", r.status, err, r.body)
			}
			if where := findNumber(tree, ""); where != "" {
				t.Fatalf("JSON number at %s in %s", where, r.body)
			}
		})
	}
	r := f.do("GET", path("/api/v2/callcenters/%s", sales.ID), f.admin(), nil)
	for _, want := range []string{`"id":"` + sales.ID.String() + `"`, `"ring_seconds":"30"`, `"office_id":"`} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("body lacks %s: %s", want, r.body)
		}
	}
}

func findNumber(v any, at string) string {
	switch t := v.(type) {
	case json.Number:
		return at
	case map[string]any:
		for k, x := range t {
			if w := findNumber(x, at+"."+k); w != "" {
				return w
			}
		}
	case []any:
		for i, x := range t {
			if w := findNumber(x, fmt.Sprintf("%s[%d]", at, i)); w != "" {
				return w
			}
		}
	}
	return ""
}

// The spec: "List APIs support a limit and cursor parameter", more than 100
// refused with a 400 (users). The emulator reads every list that way: 1 to
// 100, 25 when no limit is named, anything else a 400 naming limit.
func TestListLimit(t *testing.T) {
	f := newFixture(t, emulator.Options{Offices: 2, CallCenters: 150})
	tests := []struct {
		query string
		items int // 0 with status 400
	}{
		{"", 25},
		{"?limit=1", 1},
		{"?limit=25", 25},
		{"?limit=100", 100},
		{"?limit=101", 0},
		{"?limit=1000", 0},
		{"?limit=0", 0},
		{"?limit=-5", 0},
		{"?limit=ten", 0},
		{"?limit=", 0},
		{"?limit=2.5", 0},
	}
	for _, tt := range tests {
		t.Run("callcenters"+tt.query, func(t *testing.T) {
			r := f.do("GET", "/api/v2/callcenters"+tt.query, f.admin(), nil)
			if tt.items == 0 {
				wantError(t, r, 400, "limit must be a whole number from 1 to 100")
				return
			}
			var pg page[json.RawMessage]
			f.decode(r, &pg)
			if len(pg.Items) != tt.items || pg.Cursor == "" {
				t.Fatalf("%d items (cursor %q), want %d and a cursor", len(pg.Items), pg.Cursor, tt.items)
			}
		})
	}
	// The same rule on every list, the next pages included.
	next := cursorAfter(t, f, "/api/v2/callcenters", 1)
	office := listAll[dialpad.Office](f, "/api/v2/offices")[0].ID
	for _, p := range []string{"/api/v2/offices?", "/api/v2/users?", "/api/v2/departments?", "/api/v2/callrouters?",
		"/api/v2/customivrs?target_type=office&target_id=" + office.String() + "&", "/api/v2/callcenters?cursor=" + next + "&"} {
		t.Run(p, func(t *testing.T) {
			wantError(t, f.do("GET", p+"limit=101", f.admin(), nil), 400, "limit")
		})
	}
	// Following the cursor with limit=100 reads 150 call centers in 2 pages.
	var first, second page[json.RawMessage]
	f.decode(f.do("GET", "/api/v2/callcenters?limit=100", f.admin(), nil), &first)
	f.decode(f.do("GET", "/api/v2/callcenters?limit=100&cursor="+first.Cursor, f.admin(), nil), &second)
	if len(first.Items) != 100 || len(second.Items) != 50 || second.Cursor != "" {
		t.Fatalf("pages of %d and %d (cursor %q), want 100 and 50 and no cursor", len(first.Items), len(second.Items), second.Cursor)
	}
}
