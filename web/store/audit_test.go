package store_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"reflect"
	"testing"
	"time"

	"switchboard/handlers/audit"
	"switchboard/web/store"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// entry is an audit entry n minutes after t0.
func entry(n int, email string, kind audit.Kind, id string, office int64) audit.Entry {
	return audit.Entry{
		At:         t0.Add(time.Duration(n) * time.Minute),
		Actor:      audit.Actor{Email: email, Name: "Name of " + email},
		Credential: audit.CompanyKey,
		Resource:   audit.Resource{Kind: kind, ID: id, Name: "Resource " + id, OfficeID: 0},
		Changes:    []audit.Change{{Field: "ring_seconds", Old: "20", New: fmt.Sprint(20 + n)}},
		Outcome:    audit.AppliedOutcome(),
	}
}

func TestAuditRecordKeepsEveryField(t *testing.T) {
	openEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		in := audit.Entry{
			At:         time.Date(2026, 3, 2, 9, 30, 15, 123456789, time.FixedZone("NY", -5*3600)),
			Actor:      audit.Actor{Email: "Priya@Example.com", Name: "Priya Raman"},
			Credential: audit.CompanyKey,
			Resource:   audit.Resource{Kind: audit.CallRouter, ID: "5835806903417907", Name: "Carrier Hotline Router", OfficeID: 5835806903417001},
			Changes: []audit.Change{
				{Field: "enabled", Old: "false", New: "true"},
				{Field: "reset_error_count", Old: "", New: "true"},
				audit.SecretChange("secret"),
				{Field: "name", Old: "Ünïcode, \"quoted\"\nnew line", New: ""},
			},
			Outcome: audit.RefusedOutcome(403, "Requires a company admin API key"),
		}
		got, err := db.Audit().Record(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID == 0 {
			t.Error("Record gave no ID")
		}
		page, err := db.Audit().List(ctx, audit.Filter{})
		if err != nil || len(page.Entries) != 1 {
			t.Fatalf("List = %+v, %v; want the one entry", page, err)
		}
		want := in
		want.ID = got.ID
		want.At = time.Date(2026, 3, 2, 14, 30, 15, 123456000, time.UTC)
		want.Actor.Email = "priya@example.com"
		if !reflect.DeepEqual(page.Entries[0], want) {
			t.Errorf("read back\n%+v\nwant\n%+v", page.Entries[0], want)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Record returned\n%+v\nwant\n%+v", got, want)
		}
	})
}

func TestAuditListFiltersAndPages(t *testing.T) {
	openEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rec := db.Audit()
		var ids []int64 // ids[n] is entry n
		for n, e := range []audit.Entry{
			entry(0, "dana@example.com", audit.CallCenter, "1", 0),
			entry(1, "priya@example.com", audit.CallRouter, "9", 0),
			entry(2, "Dana@example.com", audit.CallCenter, "2", 0),
			entry(3, "dana@example.com", audit.CallCenter, "1", 0),
			entry(4, "oliver@example.com", audit.Department, "5", 0),
		} {
			if n == 3 || n == 4 {
				e.Resource.OfficeID = 77
			}
			got, err := rec.Record(ctx, e)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, got.ID)
		}
		idsOf := func(p audit.Page) []int64 {
			var out []int64
			for _, e := range p.Entries {
				out = append(out, e.ID)
			}
			return out
		}
		tests := []struct {
			name string
			f    audit.Filter
			want []int // entry numbers, newest first
			next bool
		}{
			{"everything, newest first", audit.Filter{}, []int{4, 3, 2, 1, 0}, false},
			{"person, any case", audit.Filter{Email: "DANA@example.com"}, []int{3, 2, 0}, false},
			{"resource kind", audit.Filter{Kind: audit.CallCenter}, []int{3, 2, 0}, false},
			{"one resource's history", audit.Filter{Kind: audit.CallCenter, ResourceID: "1"}, []int{3, 0}, false},
			{"office", audit.Filter{OfficeID: 77}, []int{4, 3}, false},
			{"time range, start included, end excluded", audit.Filter{From: t0.Add(time.Minute), To: t0.Add(3 * time.Minute)}, []int{2, 1}, false},
			{"first page", audit.Filter{Limit: 2}, []int{4, 3}, true},
			{"second page", audit.Filter{Limit: 2, Before: ids[3]}, []int{2, 1}, true},
			{"last page", audit.Filter{Limit: 2, Before: ids[1]}, []int{0}, false},
			{"nothing", audit.Filter{Email: "nobody@example.com"}, nil, false},
		}
		for _, tt := range tests {
			p, err := rec.List(ctx, tt.f)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			var want []int64
			for _, n := range tt.want {
				want = append(want, ids[n])
			}
			if got := idsOf(p); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: ids %v, want %v", tt.name, got, want)
			}
			if (p.Next != 0) != tt.next {
				t.Errorf("%s: Next = %d, want a next page: %v", tt.name, p.Next, tt.next)
			}
		}
	})
}

// TestAuditEachAndCSV: the export walks every page, newest first, one row
// per changed field.
func TestAuditEachAndCSV(t *testing.T) {
	openEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const n = audit.MaxLimit + 3 // more than one internal page
		for i := range n {
			if _, err := db.Audit().Record(ctx, entry(i, "dana@example.com", audit.CallCenter, "1", 0)); err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if err := audit.WriteCSV(ctx, db.Audit(), audit.Filter{Email: "dana@example.com"}, &buf); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 {
			t.Fatalf("CSV has %d rows, want a header and %d", len(rows), n)
		}
		if rows[1][10] != fmt.Sprint(20+n-1) || rows[n][10] != "20" {
			t.Errorf("CSV not newest first: first new value %q, last %q", rows[1][10], rows[n][10])
		}
	})
}
