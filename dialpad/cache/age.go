package cache

import (
	"context"
	"sync"
	"time"
)

// Age collects, for one request, when the oldest data it showed was read
// from Dialpad. Safe for concurrent use (pages read in parallel).
type Age struct {
	mu     sync.Mutex
	oldest time.Time
}

type ageKey struct{}

// WithAge returns ctx carrying a fresh Age, and the Age.
func WithAge(ctx context.Context) (context.Context, *Age) {
	a := &Age{}
	return context.WithValue(ctx, ageKey{}, a), a
}

// AgeFrom returns ctx's Age, or nil.
func AgeFrom(ctx context.Context) *Age {
	a, _ := ctx.Value(ageKey{}).(*Age)
	return a
}

// Oldest is when the oldest data was read; zero when nothing was.
func (a *Age) Oldest() time.Time {
	if a == nil {
		return time.Time{}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.oldest
}

func noteFetched(ctx context.Context, at time.Time) {
	a := AgeFrom(ctx)
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.oldest.IsZero() || at.Before(a.oldest) {
		a.oldest = at
	}
}
