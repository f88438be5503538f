package handlers

import (
	"context"
	"slices"
	"sync"
)

// writeTracker records what a request changed in Dialpad: the API paths of
// the writes Dialpad accepted. Guarded: bulk saves write from several
// goroutines.
type writeTracker struct {
	mu    sync.Mutex
	paths []string
}

type writeTrackerKey struct{}

// WithWriteTracker returns ctx carrying a fresh record of writes and the
// function that adds to it. web's identify middleware hands that function
// to the request's Dialpad client (dialpad.WithWriteObserver), so only
// writes Dialpad accepted are recorded.
func WithWriteTracker(ctx context.Context) (context.Context, func(method, path string)) {
	t := &writeTracker{}
	return context.WithValue(ctx, writeTrackerKey{}, t), func(_, path string) {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.paths = append(t.paths, path)
	}
}

// since returns the paths written after the first n.
func (t *writeTracker) since(n int) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n >= len(t.paths) {
		return nil
	}
	return slices.Clone(t.paths[n:])
}

func writeTrackerFrom(ctx context.Context) *writeTracker {
	t, _ := ctx.Value(writeTrackerKey{}).(*writeTracker)
	return t
}
