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

// sqliteConns: enough for the reads of concurrent requests on a few
// cores; more only adds file handles.
const sqliteConns = 4

func openSQLite(path string) (*sql.DB, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + sqlitePragmas
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: opening sqlite:%s: %w", path, err)
	}
	// Every request reads its session and grants. Under WAL readers run
	// side by side, so a few connections keep one slow page from queueing
	// every other person's sign-in check behind it (one connection doubled
	// the p99 of 50 concurrent pages). Writers still go one at a time: the
	// busy timeout makes a second one wait, and _txlock=immediate takes
	// the write lock when a transaction begins, so none fails upgrading.
	db.SetMaxOpenConns(sqliteConns)
	db.SetMaxIdleConns(sqliteConns)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db, nil
}
