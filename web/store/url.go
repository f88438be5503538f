package store

import (
	"fmt"
	"net/url"
	"strings"
)

// DefaultURL is the database used when none is configured: a SQLite file in
// the working directory.
const DefaultURL = "sqlite:switchboard.db"

// Dialect is a kind of database.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Location is a parsed SWITCHBOARD_DATABASE_URL.
type Location struct {
	Dialect Dialect
	Path    string // SQLite: the file
	URL     string // PostgreSQL: the connection URL, password included
}

// ParseURL reads "sqlite:PATH" or "postgres://user:pass@host:port/db?...".
// Errors never repeat a password.
func ParseURL(raw string) (Location, error) {
	raw = strings.TrimSpace(raw)
	switch {
	case strings.HasPrefix(raw, "sqlite:"):
		path := strings.TrimPrefix(raw, "sqlite:")
		if path == "" || strings.ContainsAny(path, "?#") {
			return Location{}, fmt.Errorf("%q needs a file path after sqlite:, such as sqlite:switchboard.db or sqlite:/data/switchboard.db", raw)
		}
		return Location{Dialect: SQLite, Path: path}, nil
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		u, err := url.Parse(raw)
		if err != nil {
			return Location{}, fmt.Errorf("is not a valid postgres:// URL")
		}
		if u.Host == "" && u.Query().Get("host") == "" {
			return Location{}, fmt.Errorf("%q names no host", u.Redacted())
		}
		if strings.Trim(u.Path, "/") == "" {
			return Location{}, fmt.Errorf("%q names no database (postgres://user:password@host:5432/switchboard)", u.Redacted())
		}
		return Location{Dialect: Postgres, URL: raw}, nil
	case raw == "":
		return Location{}, fmt.Errorf("is empty; use sqlite:PATH or a postgres:// URL")
	}
	return Location{}, fmt.Errorf("%q must start with sqlite: or postgres://", Redact(raw))
}

// Redact is the database URL without its password, for logs and messages.
func Redact(raw string) string {
	if strings.HasPrefix(raw, "postgres://") || strings.HasPrefix(raw, "postgresql://") {
		u, err := url.Parse(raw)
		if err != nil {
			return "postgres://(unreadable)"
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.Redacted()
	}
	if i := strings.Index(raw, "@"); i >= 0 {
		return "(hidden)" + raw[i:]
	}
	return raw
}

// String is the location fit for logs: no password.
func (l Location) String() string {
	if l.Dialect == SQLite {
		return "sqlite:" + l.Path
	}
	return Redact(l.URL)
}
