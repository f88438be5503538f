package audit

import (
	"context"
	"time"

	"switchboard/dialpad"
)

// Recorder keeps entries. Record fills ID (and At, when zero) and returns
// the entry as stored.
type Recorder interface {
	Record(ctx context.Context, e Entry) (Entry, error)
}

// Query reads entries back, newest first.
type Query interface {
	// List returns one page of entries matching f.
	List(ctx context.Context, f Filter) (Page, error)
	// Each calls fn for every entry matching f, newest first, without
	// paging: for the CSV export. It stops at fn's first error.
	Each(ctx context.Context, f Filter, fn func(Entry) error) error
}

// Filter selects entries. Zero fields select everything.
type Filter struct {
	Email      string     // the actor, case-insensitive
	Kind       Kind       // resource kind
	ResourceID string     // one resource's history (with Kind)
	OfficeID   dialpad.ID // resource office
	From, To   time.Time  // From <= At < To
	Before     int64      // paging: only entries with ID < Before (the last page's Next)
	Limit      int        // page size; DefaultLimit when zero, MaxLimit at most
}

// Page sizes.
const (
	DefaultLimit = 50
	MaxLimit     = 500
)

// PageSize is the limit a store applies for f.
func (f Filter) PageSize() int {
	switch {
	case f.Limit <= 0:
		return DefaultLimit
	case f.Limit > MaxLimit:
		return MaxLimit
	}
	return f.Limit
}

// Page is one page of entries, newest first.
type Page struct {
	Entries []Entry
	Next    int64 // Filter.Before for the next (older) page; 0 when this is the last
}
