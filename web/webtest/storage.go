package webtest

import (
	"context"
	"testing"

	"switchboard/dialpad/emulator"
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

// WithDemoRoles runs the console as demo mode does: company-key mode, with
// Dana admin, Oliver office admin of London, Priya support and Marcus
// viewer; Sofia, the new hire, has no role.
func WithDemoRoles() Option {
	return func(s *settings) { s.companyKey, s.storage, s.demoRoles = true, true, true }
}

// demoRoles are WithDemoRoles' grants: demo mode's own.
func demoRoles(t testing.TB, emu *emulator.Emulator) []access.Grant {
	t.Helper()
	grants, err := web.DemoGrants(emu)
	if err != nil {
		t.Fatalf("webtest: %v", err)
	}
	return grants
}
