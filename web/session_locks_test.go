package web

import (
	"context"
	"errors"
	"testing"
)

func TestKeyedLocks(t *testing.T) {
	k := newKeyedLocks()
	unlockA, err := k.lock(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	// Another key is not held up by a.
	unlockB, err := k.lock(context.Background(), "b")
	if err != nil {
		t.Fatal(err)
	}
	unlockB()

	// A second holder of a waits; one that gives up leaves nothing behind.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := k.lock(ctx, "a"); !errors.Is(err, context.Canceled) {
		t.Fatalf("lock of a held key with a cancelled context: %v, want context.Canceled", err)
	}
	got := make(chan struct{})
	go func() {
		unlock, err := k.lock(context.Background(), "a")
		if err == nil {
			unlock()
		}
		close(got)
	}()
	unlockA()
	<-got
	k.mu.Lock()
	n := len(k.locks)
	k.mu.Unlock()
	if n != 0 {
		t.Errorf("%d locks left after everyone let go, want 0", n)
	}
}
