package handlers

import (
	"context"
	"slices"
	"sync"
)

// writeTracker records what a request changed in Dialpad: the writes
// Dialpad accepted. Guarded: bulk saves write from several goroutines.
type writeTracker struct {
	mu     sync.Mutex
	writes []write
}

// write is one write Dialpad accepted: its method, API path and answer
// (for a PATCH, the resource as Dialpad now has it).
type write struct {
	method, path string
	answer       []byte
}

type writeTrackerKey struct{}

// WithWriteTracker returns ctx carrying a fresh record of writes and the
// function that adds to it. web's identify middleware hands that function
// to the request's Dialpad client (dialpad.WithWriteObserver), so only
// writes Dialpad accepted are recorded.
func WithWriteTracker(ctx context.Context) (context.Context, func(method, path string, answer []byte)) {
	t := &writeTracker{}
	return context.WithValue(ctx, writeTrackerKey{}, t), func(method, path string, answer []byte) {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.writes = append(t.writes, write{method: method, path: path, answer: answer})
	}
}

// since returns the writes after the first n.
func (t *writeTracker) since(n int) []write {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n >= len(t.writes) {
		return nil
	}
	return slices.Clone(t.writes[n:])
}

func writeTrackerFrom(ctx context.Context) *writeTracker {
	t, _ := ctx.Value(writeTrackerKey{}).(*writeTracker)
	return t
}
