package webtest

import (
	"context"
	"testing"

	"switchboard/handlers/access"
	"switchboard/web"
	"switchboard/web/store"
)

// throwawayStorage is a fresh SQLite database holding grants, removed when
// the test ends. Sessions stay in memory.
func throwawayStorage(t testing.TB, grants []access.Grant) *web.Storage {
	t.Helper()
	ctx := context.Background()
	db, err := store.OpenThrowaway(ctx)
	if err != nil {
		t.Fatalf("webtest: throwaway database: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	for _, g := range grants {
		if _, err := db.Grants().Grant(ctx, g); err != nil {
			t.Fatalf("webtest: granting %s: %v", g, err)
		}
	}
	return &web.Storage{DB: db}
}
