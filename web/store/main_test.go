package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"switchboard/web/store"
	"switchboard/web/store/storetest"
)

// pg is the package's one PostgreSQL server, nil when it is not installed
// (and not CI).
var pg *storetest.Postgres

func TestMain(m *testing.M) { os.Exit(storetest.Main(m, &pg)) }

// database is a fresh database of one dialect, reopenable on the same data.
type database struct {
	url string
}

func (d database) open(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), d.url)
	if err != nil {
		t.Fatalf("Open(%s): %v", store.Redact(d.url), err)
	}
	return db
}

// eachDatabase runs fn against a new SQLite file and a new PostgreSQL
// database, as subtests named after the dialect.
func eachDatabase(t *testing.T, fn func(t *testing.T, d database)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, database{url: "sqlite:" + filepath.Join(t.TempDir(), "switchboard.db")})
	})
	t.Run("postgres", func(t *testing.T) {
		if pg == nil {
			t.Skip("PostgreSQL is not installed")
		}
		fn(t, database{url: pg.NewDatabase(t)})
	})
}

// openEach is eachDatabase with the database opened and closed for fn.
func openEach(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	eachDatabase(t, func(t *testing.T, d database) {
		db := d.open(t)
		t.Cleanup(func() { _ = db.Close() })
		fn(t, db)
	})
}
