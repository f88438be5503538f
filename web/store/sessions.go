package store

import (
	"time"

	"github.com/alexedwards/scs/postgresstore"
	"github.com/alexedwards/scs/sqlite3store"
	"github.com/alexedwards/scs/v2"
)

// sessionCleanup is how often expired sessions are swept from the table.
const sessionCleanup = 5 * time.Minute

// SessionStore is scs's own store for this database's dialect, over the
// sessions table the migrations create. Wrap it in an EncryptedStore: the
// data holds OAuth tokens. stop ends its sweeping goroutine; call it before
// Close.
func (d *DB) SessionStore() (store scs.Store, stop func()) {
	if d.dialect == Postgres {
		s := postgresstore.NewWithCleanupInterval(d.db, sessionCleanup)
		return s, s.StopCleanup
	}
	s := sqlite3store.NewWithCleanupInterval(d.db, sessionCleanup)
	return s, s.StopCleanup
}
