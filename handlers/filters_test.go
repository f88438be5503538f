package handlers

import (
	"net/http/httptest"
	"strings"
	"testing"

	"switchboard/dialpad"
)

func TestParseListFilter(t *testing.T) {
	tests := []struct {
		target     string
		withSearch bool
		wantOffice dialpad.ID
		wantQuery  string
		wantNote   string // substring; "" = no note
	}{
		{"/callcenters", true, 0, "", ""},
		{"/callcenters?office_id=42&q=+Sales+", true, 42, "Sales", ""},
		{"/callcenters?office_id=&q=", true, 0, "", ""},
		{"/callcenters?office_id=abc", true, 0, "", `"abc" is not an office id`},
		{"/callcenters?office_id=-5", true, 0, "", "is not an office id"},
		{"/callcenters?office_id=0", true, 0, "", "is not an office id"},
		{"/callcenters?office_id=99999999999999999999999", true, 0, "", "is not an office id"},
		{"/routers?office_id=7&q=ignored", false, 7, "", ""},
		{"/callcenters?q=" + strings.Repeat("x", 150), true, 0, strings.Repeat("x", 100), ""},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			f := parseListFilter(httptest.NewRequest("GET", tt.target, nil), tt.withSearch)
			if f.OfficeID != tt.wantOffice || f.Query != tt.wantQuery {
				t.Errorf("got office %d query %q, want %d %q", f.OfficeID, f.Query, tt.wantOffice, tt.wantQuery)
			}
			if (tt.wantNote == "") != (f.Note == "") || !strings.Contains(f.Note, tt.wantNote) {
				t.Errorf("note = %q, want one containing %q", f.Note, tt.wantNote)
			}
		})
	}
}

func TestListFilterEmptyWording(t *testing.T) {
	offices := indexOffices([]dialpad.Office{{ID: 1, Name: "London"}})
	tests := []struct {
		f         listFilter
		want      string
		wantClear bool
	}{
		{listFilter{}, "There are no call centers yet.", false},
		{listFilter{Query: "x"}, `No call centers match "x".`, true},
		{listFilter{OfficeID: 1}, "No call centers in London.", true},
		{listFilter{OfficeID: 1, Query: "x"}, `No call centers match "x" in London.`, true},
	}
	for _, tt := range tests {
		e := tt.f.empty("/callcenters", "call centers", offices)
		if e.Message != tt.want || (e.ClearHref != "") != tt.wantClear {
			t.Errorf("%+v: got %q clear=%q, want %q clear=%v", tt.f, e.Message, e.ClearHref, tt.want, tt.wantClear)
		}
	}
}

func TestResolveOfficeDropsUnknownOffice(t *testing.T) {
	offices := []dialpad.Office{{ID: 1, Name: "London"}}
	known := listFilter{OfficeID: 1}
	if known.resolveOffice(offices) || known.OfficeID != 1 {
		t.Errorf("a known office was dropped: %+v", known)
	}
	unknown := listFilter{OfficeID: 2}
	if !unknown.resolveOffice(offices) || unknown.OfficeID != 0 || !strings.Contains(unknown.Note, "No office has id 2") {
		t.Errorf("an unknown office was kept: %+v", unknown)
	}
}
