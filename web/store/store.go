// Package store keeps Switchboard's own state in a database: the grants,
// the audit trail and the sessions. SQLite (modernc.org/sqlite, pure Go)
// and PostgreSQL (pgx) share one schema, migrated at start-up by goose.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
)

// DB is an open, migrated database. It is safe for concurrent use.
type DB struct {
	db      *sql.DB
	dialect Dialect
	tempDir string // a throwaway database's directory, removed by Close
}

// Open connects to the database rawURL names (see ParseURL), checks it
// answers and brings its schema up to date.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	loc, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	return open(ctx, loc)
}

// OpenThrowaway is a fresh SQLite database in a temporary directory that
// Close removes: demo mode's, so a restart brings the seed back.
func OpenThrowaway(ctx context.Context) (*DB, error) {
	dir, err := os.MkdirTemp("", "switchboard-demo-")
	if err != nil {
		return nil, fmt.Errorf("store: temporary database: %w", err)
	}
	db, err := open(ctx, Location{Dialect: SQLite, Path: dir + string(os.PathSeparator) + "switchboard.db"})
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	db.tempDir = dir
	return db, nil
}

func open(ctx context.Context, loc Location) (*DB, error) {
	var (
		sdb *sql.DB
		err error
	)
	switch loc.Dialect {
	case SQLite:
		sdb, err = openSQLite(loc.Path)
	case Postgres:
		sdb, err = openPostgres(loc.URL)
	default:
		err = fmt.Errorf("store: unknown dialect %q", loc.Dialect)
	}
	if err != nil {
		return nil, err
	}
	if err := sdb.PingContext(ctx); err != nil {
		_ = sdb.Close()
		return nil, fmt.Errorf("store: connecting to %s: %w", loc, err)
	}
	if err := migrate(ctx, sdb, loc.Dialect); err != nil {
		_ = sdb.Close()
		return nil, err
	}
	return &DB{db: sdb, dialect: loc.Dialect}, nil
}

// Close closes the connections; a throwaway database is deleted.
func (d *DB) Close() error {
	err := d.db.Close()
	if d.tempDir != "" {
		err = errors.Join(err, os.RemoveAll(d.tempDir))
	}
	return err
}
