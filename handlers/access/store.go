package access

import "context"

// Store keeps the grants. web/store implements it over SQLite and
// PostgreSQL; emails are compared case-insensitively.
type Store interface {
	// Grant adds g; granting what is already granted changes nothing and
	// reports false.
	Grant(ctx context.Context, g Grant) (added bool, err error)
	// Revoke removes the person's grants of role, or all of them when role
	// is None, and returns what it removed.
	Revoke(ctx context.Context, email string, role Role) ([]Grant, error)
	// List returns every grant, by email, role and office.
	List(ctx context.Context) ([]Grant, error)
	// For returns the grants of any of the emails.
	For(ctx context.Context, emails ...string) ([]Grant, error)
}
