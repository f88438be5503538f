package handlers

import (
	"context"
	"sync/atomic"
)

// writeTracker records whether a request changed something in Dialpad.
// Atomic: bulk saves write from several goroutines.
type writeTracker struct{ wrote atomic.Bool }

type writeTrackerKey struct{}

// WithWriteTracker returns ctx carrying a fresh "wrote to Dialpad" flag and
// the function that sets it. web's identify middleware hands that function
// to the request's Dialpad client (dialpad.WithWriteObserver), so the flag
// is set only by writes Dialpad accepted.
func WithWriteTracker(ctx context.Context) (context.Context, func()) {
	t := &writeTracker{}
	return context.WithValue(ctx, writeTrackerKey{}, t), func() { t.wrote.Store(true) }
}

// WroteToDialpad reports whether the request carrying ctx has, so far,
// made a write Dialpad accepted. Without a tracker it reports false.
func WroteToDialpad(ctx context.Context) bool {
	t := writeTrackerFrom(ctx)
	return t != nil && t.wrote.Load()
}

func writeTrackerFrom(ctx context.Context) *writeTracker {
	t, _ := ctx.Value(writeTrackerKey{}).(*writeTracker)
	return t
}
