package handlers_test

import (
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

func TestCallCenterListShowsEveryCallCenter(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	want := s.callCenters(dialpad.ListFilter{})
	if len(want) < 12 {
		t.Fatalf("the demo company has %d call centers; the test needs the seed", len(want))
	}
	res := s.b.Get("/callcenters")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}
	body := res.Body
	rs := rows(body, "callcenter-row")
	if len(rs) != len(want) {
		t.Errorf("%d rows, want %d", len(rs), len(want))
	}
	for _, cc := range want {
		row := rowFor(rs, cc.Name)
		if row == "" {
			t.Errorf("no row for %q", cc.Name)
			continue
		}
		if !strings.Contains(row, `href="/callcenters/`+cc.ID.String()+`"`) {
			t.Errorf("row for %q does not link to its editor", cc.Name)
		}
		if !strings.Contains(row, `data-testid="open-status"`) {
			t.Errorf("row for %q has no open-now badge", cc.Name)
		}
	}
	if !strings.Contains(body, `aria-current="page"`) || !strings.Contains(body, `data-testid="user-name"`) {
		t.Error("page is not in the signed-in layout with Call centers active")
	}
	// The Now column says where it comes from in the editor's words.
	if !strings.Contains(body, `<span data-testid="status-source">Computed from the hours</span>`) {
		t.Error("the list does not say its Now column is computed from the hours")
	}
	s.assertNoSecrets(body)
}

func TestCallCenterListFilters(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	all := s.callCenters(dialpad.ListFilter{})
	offices := s.offices()
	// An office holding some but not all call centers proves the filter narrows.
	var office dialpad.Office
	var inOffice []dialpad.CallCenter
	for _, o := range offices {
		got := s.callCenters(dialpad.ListFilter{OfficeID: o.ID})
		if len(got) > 0 && len(got) < len(all) {
			office, inOffice = o, got
			break
		}
	}
	if office.ID == 0 {
		t.Fatal("no office holds a strict subset of the call centers")
	}
	target := all[0]

	tests := []struct {
		name      string
		query     url.Values
		wantNames []string // exactly these rows
		wantText  []string // also on the page
	}{
		{
			name:      "by office",
			query:     url.Values{"office_id": {office.ID.String()}},
			wantNames: names(inOffice),
			wantText:  []string{`<option value="` + office.ID.String() + `" selected`},
		},
		{
			name:      "by name",
			query:     url.Values{"q": {target.Name}},
			wantNames: names(s.callCenters(dialpad.ListFilter{NameSearch: target.Name})),
			wantText:  []string{`value="` + html.EscapeString(target.Name) + `"`},
		},
		{
			name:      "nothing matches",
			query:     url.Values{"office_id": {office.ID.String()}, "q": {"zzz-no-such-name"}},
			wantNames: nil,
			wantText: []string{
				html.EscapeString(`No call centers match "zzz-no-such-name" in ` + office.Name + `.`),
				`data-testid="empty-clear"`,
			},
		},
		{
			name:      "office id that is not a number is ignored with a note",
			query:     url.Values{"office_id": {"abc"}},
			wantNames: names(all),
			wantText:  []string{`data-testid="filter-note"`, html.EscapeString(`"abc" is not an office id`)},
		},
		{
			name:      "office id of no office is ignored with a note",
			query:     url.Values{"office_id": {"123"}},
			wantNames: names(all),
			wantText:  []string{`data-testid="filter-note"`, "No office has id 123"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := s.b.Get("/callcenters?" + tt.query.Encode())
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200", res.StatusCode)
			}
			body := res.Body
			rs := rows(body, "callcenter-row")
			if len(rs) != len(tt.wantNames) {
				t.Errorf("%d rows, want %d", len(rs), len(tt.wantNames))
			}
			for _, n := range tt.wantNames {
				if rowFor(rs, n) == "" {
					t.Errorf("no row for %q", n)
				}
			}
			for _, w := range tt.wantText {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

func TestCallCenterListOpenNowFollowsEachTimeZone(t *testing.T) {
	// Wednesday 15:00 UTC: 11:00 in New York, 00:00 Thursday in Tokyo.
	wednesday := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	s := signedIn(t, emulator.AdminUserID, webtest.WithClockAt(wednesday))
	ccs := s.callCenters(dialpad.ListFilter{})
	tests := []struct {
		tz      string
		hoursOn bool
		want    string
	}{
		{"America/New_York", true, ">Open<"},
		{"Asia/Tokyo", true, ">Closed<"},
		{"Asia/Tokyo", false, ">24/7<"},
	}
	for i, tt := range tests {
		err := s.Emulator.MutateCallCenter(ccs[i].ID, func(cc *dialpad.CallCenter) {
			cc.Timezone = tt.tz
			cc.WeekHours = monToFri("09:00", "17:00")
			cc.HoursOn = tt.hoursOn
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rs := rows(s.b.Get("/callcenters").Body, "callcenter-row")
	for i, tt := range tests {
		row := rowFor(rs, ccs[i].Name)
		if !strings.Contains(row, tt.want) {
			t.Errorf("%s in %s (hours_on %v): row lacks %s: %s", ccs[i].Name, tt.tz, tt.hoursOn, tt.want, row)
		}
		if tt.hoursOn && !strings.Contains(row, "Mon–Fri 09:00–17:00") {
			t.Errorf("%s: hours summary missing: %s", ccs[i].Name, row)
		}
	}
}

func TestCallCenterListHTMXGetsOnlyTheResults(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	res := s.b.HTMX(http.MethodGet, "/callcenters?q=a", nil)
	body := res.Body
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}
	for _, s := range []string{"<html", "<header", `data-testid="filters"`} {
		if strings.Contains(body, s) {
			t.Errorf("partial contains %q: the layout or the form came along", s)
		}
	}
	want := len(s.callCenters(dialpad.ListFilter{NameSearch: "a"}))
	if got := len(rows(body, "callcenter-row")); got != want || want == 0 {
		t.Errorf("partial has %d rows, want %d (> 0)", got, want)
	}
}

func names(ccs []dialpad.CallCenter) []string {
	out := make([]string, len(ccs))
	for i, c := range ccs {
		out[i] = c.Name
	}
	return out
}
