package audit_test

import (
	"slices"
	"testing"
	"time"

	"switchboard/handlers/audit"
)

func TestCSVRecords(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.FixedZone("NY", -5*3600))
	e := audit.Entry{
		At: at, Actor: audit.Actor{Email: "priya@example.com", Name: "=HYPERLINK(\"x\")"}, Credential: audit.CompanyKey,
		Resource: audit.Resource{Kind: audit.CallRouter, ID: "42", Name: "Carrier Hotline Router", OfficeID: 7},
		Changes:  []audit.Change{{Field: "enabled", Old: "false", New: "true"}, audit.SecretChange("secret")},
		Outcome:  audit.RefusedOutcome(429, "Too many requests"),
	}
	want := [][]string{
		{"2026-03-02T14:30:00Z", "priya@example.com", "'=HYPERLINK(\"x\")", "company_key", "callrouter", "42", "Carrier Hotline Router", "7", "enabled", "false", "true", "refused", "429", "Too many requests"},
		{"2026-03-02T14:30:00Z", "priya@example.com", "'=HYPERLINK(\"x\")", "company_key", "callrouter", "42", "Carrier Hotline Router", "7", "secret", "changed", "changed", "refused", "429", "Too many requests"},
	}
	got := e.CSVRecords()
	if len(got) != len(want) {
		t.Fatalf("got %d rows, want %d", len(got), len(want))
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d:\n got %q\nwant %q", i, got[i], want[i])
		}
		if len(got[i]) != len(audit.CSVHeader()) {
			t.Errorf("row %d has %d cells, header %d", i, len(got[i]), len(audit.CSVHeader()))
		}
	}
	if rows := (audit.Entry{Outcome: audit.AppliedOutcome()}).CSVRecords(); len(rows) != 1 {
		t.Errorf("an entry without changes gives %d rows, want 1", len(rows))
	}
}
