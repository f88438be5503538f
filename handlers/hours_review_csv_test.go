package handlers_test

import (
	"encoding/csv"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestHoursCSV(t *testing.T) {
	s := newStack(t)
	london := s.office("London")
	tier1 := s.callCenter("Support Tier 1")
	tier2 := s.callCenter("Support Tier 2")
	finance := s.department("Finance")
	financeWeek := monToFri("09:00", "17:00")
	financeWeek.FridayHours = []string{"09:00", "15:00"}
	s.setDepartmentHours(finance.ID, financeWeek)
	// Names a spreadsheet would run as formulas.
	evil := map[dialpad.ID]string{}
	for i, name := range []string{`=HYPERLINK("http://evil.example","x")`, "+1+1", "-2+3", "@SUM(A1:A2)"} {
		c := s.callCenters(dialpad.ListFilter{})[3+i]
		if err := s.Emulator.MutateCallCenter(c.ID, func(cc *dialpad.CallCenter) { cc.Name = name }); err != nil {
			t.Fatal(err)
		}
		evil[c.ID] = name
	}

	b := s.LoginAs(t, emulator.AdminUserID)
	res := b.Get("/hours.csv")
	mustStatus(t, res, http.StatusOK)
	if ct := res.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	// The admin lives in New York: the file is named for their today.
	ny, _ := time.LoadLocation("America/New_York")
	wantName := `attachment; filename="hours-` + s.Clock.Now().In(ny).Format("2006-01-02") + `.csv"`
	if cd := res.Header.Get("Content-Disposition"); cd != wantName {
		t.Errorf("Content-Disposition %q, want %q", cd, wantName)
	}

	recs, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, res.Body)
	}
	header := []string{"kind", "id", "name", "office", "timezone", "hours_on",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "differs_from_office_usual"}
	if !slices.Equal(recs[0], header) {
		t.Fatalf("header %q", recs[0])
	}
	byID := map[string][]string{}
	for _, r := range recs[1:] {
		byID[r[1]] = r
	}
	total := len(s.callCenters(dialpad.ListFilter{})) + len(s.departments(dialpad.ListFilter{}))
	if len(recs)-1 != total {
		t.Errorf("%d rows, want %d", len(recs)-1, total)
	}

	// The last column depends on the whole office (TestHoursCSVMarksTheOddOneOut).
	tests := []struct {
		id   dialpad.ID
		want []string
	}{
		{tier1.ID, []string{"callcenter", tier1.ID.String(), "Support Tier 1", "New York HQ", "America/New_York", "false",
			"24/7", "24/7", "24/7", "24/7", "24/7", "24/7", "24/7"}},
		{tier2.ID, []string{"callcenter", tier2.ID.String(), "Support Tier 2", "New York HQ", "America/New_York", "true",
			"08:00-12:00 13:00-17:00", "08:00-12:00 13:00-17:00", "08:00-12:00 13:00-17:00", "08:00-12:00 13:00-17:00", "08:00-12:00 13:00-17:00",
			"closed", "closed"}},
		{finance.ID, []string{"department", finance.ID.String(), "Finance", "London", "Europe/London", "true",
			"09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-15:00", "closed", "closed"}},
	}
	for _, tt := range tests {
		got := byID[tt.id.String()]
		if len(got) != len(header) || !slices.Equal(got[:len(tt.want)], tt.want) {
			t.Errorf("row %s\n got %q\nwant %q and the differs column", tt.id, got, tt.want)
		}
	}
	for id, name := range evil {
		if got := byID[id.String()][2]; got != "'"+name {
			t.Errorf("name %q exported as %q, want it quoted", name, got)
		}
	}

	// Filters apply as on the page.
	res = b.Get("/hours.csv?kind=department&office_id=" + london.ID.String())
	mustStatus(t, res, http.StatusOK)
	recs, err = csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := len(s.departments(dialpad.ListFilter{OfficeID: london.ID}))
	if len(recs)-1 != want {
		t.Errorf("London departments: %d rows, want %d", len(recs)-1, want)
	}
	for _, r := range recs[1:] {
		if r[0] != "department" || r[3] != "London" {
			t.Errorf("filtered export has %q", r)
		}
	}
}

func TestHoursCSVMarksTheOddOneOut(t *testing.T) {
	s := newStack(t)
	london := s.office("London")
	var odd dialpad.ID
	for i, c := range s.callCenters(dialpad.ListFilter{OfficeID: london.ID}) {
		w := monToFri("09:00", "17:00")
		if i == 0 {
			w, odd = monToFri("10:00", "18:00"), c.ID
		}
		s.setCenterHours(c.ID, w)
	}
	b := s.LoginAs(t, emulator.AdminUserID)
	res := b.Get("/hours.csv?office_id=" + london.ID.String())
	mustStatus(t, res, http.StatusOK)
	recs, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		want := "false"
		if r[1] == odd.String() {
			want = "true"
		}
		if r[0] == "department" {
			// London's departments keep their seeded, differing hours.
			continue
		}
		if r[13] != want {
			t.Errorf("%s: differs_from_office_usual = %s, want %s", r[2], r[13], want)
		}
	}
}
