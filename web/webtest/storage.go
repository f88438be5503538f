package webtest

import (
	"context"
	"testing"

	"switchboard/dialpad"
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

// demoRoles are WithDemoRoles' grants, from the emulator's seeded people.
func demoRoles(t testing.TB, emu *emulator.Emulator) []access.Grant {
	t.Helper()
	people := map[dialpad.ID]dialpad.User{}
	for _, p := range emu.Personas() {
		people[p.User.ID] = p.User
	}
	grant := func(id dialpad.ID, role access.Role, office dialpad.ID) access.Grant {
		u := people[id]
		if len(u.Emails) == 0 {
			t.Fatalf("webtest: seeded user %s has no email", id)
		}
		g, err := access.NewGrant(u.Emails[0], role, office)
		if err != nil {
			t.Fatalf("webtest: %v", err)
		}
		return g
	}
	oliver := people[emulator.OfficeAdminUserID]
	if len(oliver.AdminOfficeIDs) == 0 {
		t.Fatal("webtest: the seeded office admin administers no office")
	}
	return []access.Grant{
		grant(emulator.AdminUserID, access.Admin, 0),
		grant(emulator.OfficeAdminUserID, access.OfficeAdmin, oliver.AdminOfficeIDs[0]),
		grant(emulator.SupportUserID, access.Support, 0),
		grant(emulator.ManagerUserID, access.Viewer, 0),
	}
}
