package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

// Audit is audit.Recorder and audit.Query over the database.
type Audit struct {
	db  *DB
	now func() time.Time
}

var (
	_ audit.Recorder = (*Audit)(nil)
	_ audit.Query    = (*Audit)(nil)
)

// Audit returns the audit trail.
func (d *DB) Audit() *Audit { return &Audit{db: d, now: time.Now} }

// Record stores e and returns it with its ID (and At, when it was zero).
// Times are kept to the microsecond, in UTC.
func (s *Audit) Record(ctx context.Context, e audit.Entry) (audit.Entry, error) {
	if e.At.IsZero() {
		e.At = s.now()
	}
	e.At = e.At.UTC().Truncate(time.Microsecond)
	e.Actor.Email = access.NormalizeEmail(e.Actor.Email)
	changes, err := json.Marshal(jsonChanges(e.Changes))
	if err != nil {
		return e, err
	}
	err = s.db.db.QueryRowContext(ctx, `INSERT INTO audit_entries
		(at_micros, actor_email, actor_name, credential, resource_kind, resource_id, resource_name, office_id, changes, result, status, message)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		e.At.UnixMicro(), e.Actor.Email, e.Actor.Name, string(e.Credential), string(e.Resource.Kind), e.Resource.ID,
		e.Resource.Name, int64(e.Resource.OfficeID), string(changes), string(e.Outcome.Result), e.Outcome.Status, e.Outcome.Message,
	).Scan(&e.ID)
	if err != nil {
		return e, fmt.Errorf("store: recording an audit entry: %w", err)
	}
	return e, nil
}

// List returns one page of matching entries, newest first.
func (s *Audit) List(ctx context.Context, f audit.Filter) (audit.Page, error) {
	size := f.PageSize()
	entries, err := s.query(ctx, f, size+1) // one more tells whether an older page exists
	if err != nil {
		return audit.Page{}, err
	}
	var p audit.Page
	if len(entries) > size {
		entries = entries[:size]
		p.Next = entries[size-1].ID
	}
	p.Entries = entries
	return p, nil
}

// Each calls fn for every matching entry, newest first. It reads a page at
// a time, so a slow fn (a CSV download to a slow client) holds no
// connection or transaction open.
func (s *Audit) Each(ctx context.Context, f audit.Filter, fn func(audit.Entry) error) error {
	f.Limit = audit.MaxLimit
	for {
		p, err := s.List(ctx, f)
		if err != nil {
			return err
		}
		for _, e := range p.Entries {
			if err := fn(e); err != nil {
				return err
			}
		}
		if p.Next == 0 {
			return nil
		}
		f.Before = p.Next
	}
}

func (s *Audit) query(ctx context.Context, f audit.Filter, limit int) ([]audit.Entry, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(cond, fmt.Sprintf("$%d", len(args))))
	}
	if f.Email != "" {
		add("actor_email = %s", access.NormalizeEmail(f.Email))
	}
	if f.Kind != "" {
		add("resource_kind = %s", string(f.Kind))
	}
	if f.ResourceID != "" {
		add("resource_id = %s", f.ResourceID)
	}
	if f.OfficeID != 0 {
		add("office_id = %s", int64(f.OfficeID))
	}
	if !f.From.IsZero() {
		add("at_micros >= %s", f.From.UnixMicro())
	}
	if !f.To.IsZero() {
		add("at_micros < %s", f.To.UnixMicro())
	}
	if f.Before > 0 {
		add("id < %s", f.Before)
	}
	q := `SELECT id, at_micros, actor_email, actor_name, credential, resource_kind, resource_id, resource_name, office_id, changes, result, status, message
		FROM audit_entries`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, limit)
	q += fmt.Sprintf(" ORDER BY id DESC LIMIT $%d", len(args))

	rows, err := s.db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: reading the audit trail: %w", err)
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var (
			e                            audit.Entry
			at, office                   int64
			cred, kind, changes, outcome string
		)
		if err := rows.Scan(&e.ID, &at, &e.Actor.Email, &e.Actor.Name, &cred, &kind, &e.Resource.ID, &e.Resource.Name,
			&office, &changes, &outcome, &e.Outcome.Status, &e.Outcome.Message); err != nil {
			return nil, fmt.Errorf("store: reading the audit trail: %w", err)
		}
		e.At = time.UnixMicro(at).UTC()
		e.Credential, e.Resource.Kind, e.Resource.OfficeID = audit.Credential(cred), audit.Kind(kind), dialpad.ID(office)
		e.Outcome.Result = audit.Result(outcome)
		var cs []jsonChange
		if err := json.Unmarshal([]byte(changes), &cs); err != nil {
			return nil, fmt.Errorf("store: audit entry %d: changes: %w", e.ID, err)
		}
		for _, c := range cs {
			e.Changes = append(e.Changes, audit.Change(c))
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// jsonChange is audit.Change as stored, with stable lower-case keys.
type jsonChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

func jsonChanges(cs []audit.Change) []jsonChange {
	out := make([]jsonChange, 0, len(cs))
	for _, c := range cs {
		out = append(out, jsonChange(c))
	}
	return out
}
