package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

// Grants is access.Store over the database.
type Grants struct {
	db  *DB
	now func() time.Time
}

var _ access.Store = (*Grants)(nil)

// Grants returns the grant store.
func (d *DB) Grants() *Grants { return &Grants{db: d, now: time.Now} }

// Grant adds g, normalizing its email; an existing grant is left as it is.
func (s *Grants) Grant(ctx context.Context, g access.Grant) (bool, error) {
	if g.Role == access.None {
		return false, fmt.Errorf("store: a grant needs a role")
	}
	res, err := s.db.db.ExecContext(ctx,
		`INSERT INTO grants (email, role, office_id, granted_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
		access.NormalizeEmail(g.Email), string(g.Role), int64(g.OfficeID), s.now().UnixMicro())
	if err != nil {
		return false, fmt.Errorf("store: granting: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Revoke removes the person's grants of role (all of them for access.None)
// and returns them.
func (s *Grants) Revoke(ctx context.Context, email string, role access.Role) ([]access.Grant, error) {
	q := `DELETE FROM grants WHERE email = $1 RETURNING email, role, office_id`
	args := []any{access.NormalizeEmail(email)}
	if role != access.None {
		q = `DELETE FROM grants WHERE email = $1 AND role = $2 RETURNING email, role, office_id`
		args = append(args, string(role))
	}
	gs, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: revoking: %w", err)
	}
	sortGrants(gs)
	return gs, nil
}

// List returns every grant by email, role and office.
func (s *Grants) List(ctx context.Context) ([]access.Grant, error) {
	return s.query(ctx, `SELECT email, role, office_id FROM grants ORDER BY email, role, office_id`)
}

// For returns the grants of any of the emails.
func (s *Grants) For(ctx context.Context, emails ...string) ([]access.Grant, error) {
	if len(emails) == 0 {
		return nil, nil
	}
	marks := make([]string, len(emails))
	args := make([]any, len(emails))
	for i, e := range emails {
		marks[i] = fmt.Sprintf("$%d", i+1)
		args[i] = access.NormalizeEmail(e)
	}
	return s.query(ctx, `SELECT email, role, office_id FROM grants WHERE email IN (`+strings.Join(marks, ", ")+`) ORDER BY email, role, office_id`, args...)
}

func (s *Grants) query(ctx context.Context, q string, args ...any) ([]access.Grant, error) {
	rows, err := s.db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []access.Grant
	for rows.Next() {
		var (
			g      access.Grant
			role   string
			office int64
		)
		if err := rows.Scan(&g.Email, &role, &office); err != nil {
			return nil, err
		}
		g.Role, g.OfficeID = access.Role(role), dialpad.ID(office)
		out = append(out, g)
	}
	return out, rows.Err()
}

// sortGrants orders grants as List does; RETURNING promises no order.
func sortGrants(gs []access.Grant) {
	slices.SortFunc(gs, func(a, b access.Grant) int {
		return cmp.Or(cmp.Compare(a.Email, b.Email), cmp.Compare(a.Role, b.Role), cmp.Compare(a.OfficeID, b.OfficeID))
	})
}
