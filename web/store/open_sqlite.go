package store

import (
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // registers the "sqlite" driver: pure Go, no cgo
)

// sqlitePragmas: WAL lets readers work while one writes; the busy timeout
// makes a second writer wait instead of failing; foreign keys on because
// SQLite leaves them off; NORMAL sync is safe with WAL.
const sqlitePragmas = "_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"

func openSQLite(path string) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + sqlitePragmas
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: opening sqlite:%s: %w", path, err)
	}
	// SQLite has one writer at a time. One connection queues writers in
	// the pool instead of in busy waits, and the console's few queries
	// per request never need more.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db, nil
}
