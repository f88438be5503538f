package handlers_test

import (
	"testing"

	"switchboard/handlers/audit"
	"switchboard/web"
	"switchboard/web/store"
	"switchboard/web/webtest"
)

// withAudit gives the console a throwaway SQLite database, as demo mode
// has: grants and the audit trail are kept, and db reads them back.
func withAudit(t *testing.T) (opt webtest.Option, db *store.DB) {
	t.Helper()
	db, err := store.OpenThrowaway(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return webtest.WithServerOptions(web.WithStorage(&web.Storage{DB: db})), db
}

// auditEntries is everything recorded, newest first.
func auditEntries(t *testing.T, db *store.DB) []audit.Entry {
	t.Helper()
	page, err := db.Audit().List(t.Context(), audit.Filter{Limit: audit.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	return page.Entries
}
