package handlers_test

import (
	"html"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestHomeShowsCompanyAndOffices(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	company, err := s.api.Company(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	offices := s.offices()
	centers := s.callCenters(dialpad.ListFilter{})
	routers := s.routers()

	res := s.b.Get("/")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", res.StatusCode)
	}
	body := res.Body
	for _, s := range []string{
		`data-testid="company-name">` + html.EscapeString(company.Name) + "<",
		html.EscapeString(company.Domain),
		`href="/callcenters"`, `href="/routers"`,
	} {
		if !strings.Contains(body, s) {
			t.Errorf("overview lacks %q", s)
		}
	}
	rs := rows(body, "office-row")
	if len(rs) != len(offices) || len(offices) < 3 {
		t.Errorf("%d office rows, want %d (>= 3)", len(rs), len(offices))
	}
	for _, o := range offices {
		row := rowFor(rs, o.Name)
		if !strings.Contains(row, o.Timezone) {
			t.Errorf("office %q: time zone %q missing", o.Name, o.Timezone)
		}
		if strings.Contains(row, "Unknown time zone") {
			t.Errorf("office %q: local time not shown for %q", o.Name, o.Timezone)
		}
		n := 0
		for _, c := range centers {
			if c.OfficeID == o.ID {
				n++
			}
		}
		link := `href="/callcenters?office_id=` + o.ID.String() + `">` + strconv.Itoa(n) + "<"
		if n > 0 && !strings.Contains(row, link) {
			t.Errorf("office %q: want %d call centers linked as %s", o.Name, n, link)
		}
	}
	if !strings.Contains(body, ">"+strconv.Itoa(len(routers))+"<") {
		t.Errorf("router total %d not shown", len(routers))
	}
	s.assertNoSecrets(body)
}

func TestHomeWorksForEveryRole(t *testing.T) {
	tests := []struct {
		user dialpad.ID
		role string
	}{
		// Own tokens: the role Dialpad's rights imply.
		{emulator.AdminUserID, "Admin"},
		{emulator.OfficeAdminUserID, "Office admin"},
		{emulator.SupportUserID, "Viewer"},
		{emulator.ManagerUserID, "Viewer"},
	}
	for _, tt := range tests {
		t.Run(tt.role, func(t *testing.T) {
			s := signedIn(t, tt.user)
			res := s.b.Get("/")
			body := res.Body
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status = %d", res.StatusCode)
			}
			if !strings.Contains(body, `data-testid="user-role">`+tt.role+"<") {
				t.Errorf("header lacks role %q", tt.role)
			}
			if !strings.Contains(body, `<form method="post" action="/logout">`) {
				t.Error("no plain log-out form")
			}
		})
	}
}
