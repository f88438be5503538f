package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/web/store"
)

// Every request reads grants while saves record audit entries and admins
// change grants: on either database none of them may fail for another's
// lock (SQLite's "database is locked"), and every write must land.
func TestConcurrentReadsAndWrites(t *testing.T) {
	openEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		const n = 40
		errs := make(chan error, 3*n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				_, err := db.Audit().Record(ctx, entry(i, "dana@example.com", audit.CallCenter, fmt.Sprint(i), 0))
				errs <- err
			})
			wg.Go(func() {
				_, err := db.Grants().Grant(ctx, access.Grant{Email: fmt.Sprintf("p%d@example.com", i), Role: access.Viewer})
				errs <- err
			})
			wg.Go(func() {
				_, err := db.Grants().For(ctx, "dana@example.com", fmt.Sprintf("p%d@example.com", i))
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		page, err := db.Audit().List(ctx, audit.Filter{Limit: audit.MaxLimit})
		if err != nil || len(page.Entries) != n {
			t.Fatalf("audit holds %d entries (%v), want %d", len(page.Entries), err, n)
		}
		grants, err := db.Grants().List(ctx)
		if err != nil || len(grants) != n {
			t.Fatalf("%d grants (%v), want %d", len(grants), err, n)
		}
	})
}
