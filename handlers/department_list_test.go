package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestDepartmentList(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	all := s.departments(dialpad.ListFilter{})
	if len(all) == 0 {
		t.Fatal("the demo company has no departments")
	}
	office := all[0].OfficeID
	var inOffice []dialpad.Department
	for _, d := range all {
		if d.OfficeID == office {
			inOffice = append(inOffice, d)
		}
	}

	tests := []struct {
		target string
		want   []dialpad.Department
	}{
		{"/departments", all},
		{"/departments?office_id=" + office.String(), inOffice},
		{"/departments?office_id=not-a-number", all},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := s.b.Get(tt.target)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status = %d", res.StatusCode)
			}
			rs := rows(res.Body, "department-row")
			if len(rs) != len(tt.want) {
				t.Errorf("%d rows, want %d", len(rs), len(tt.want))
			}
			for _, d := range tt.want {
				row := rowFor(rs, d.Name)
				if row == "" {
					t.Errorf("no row for %q", d.Name)
				} else if !strings.Contains(row, `href="/departments/`+d.ID.String()+`"`) {
					t.Errorf("row for %q does not link to the department", d.Name)
				}
			}
		})
	}
}
