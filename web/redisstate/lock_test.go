package redisstate_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"switchboard/web/redisstate"
	"switchboard/web/redisstate/redistest"
)

func clients(t *testing.T, n int) []*redis.Client {
	t.Helper()
	url := redistest.Require(t, testRedis).URL()
	var out []*redis.Client
	for range n {
		rdb, err := redisstate.Open(t.Context(), url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = rdb.Close() })
		out = append(out, rdb)
	}
	return out
}

// held reports whether l's key is taken: a lock attempt gives up.
func held(t *testing.T, l *redisstate.Locks, key string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	unlock, err := l.Lock(ctx, key)
	if err == nil {
		unlock()
		return false
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Lock = %v, want it to wait", err)
	}
	return true
}

// TestLocksAcrossInstances: a session's lock taken by one instance holds
// off another until released, and an instance whose lock expired and went
// to another never releases the other's.
func TestLocksAcrossInstances(t *testing.T) {
	c := clients(t, 2)
	a := redisstate.NewLocks(c[0], "renew:", time.Minute)
	b := redisstate.NewLocks(c[1], "renew:", time.Minute)

	unlockA, err := a.Lock(t.Context(), "session-1")
	if err != nil {
		t.Fatal(err)
	}
	if !held(t, b, "session-1") {
		t.Fatal("instance B took the lock instance A holds")
	}
	if held(t, b, "session-2") {
		t.Error("another session's lock is taken too")
	}
	unlockA()
	unlockB, err := b.Lock(t.Context(), "session-1")
	if err != nil {
		t.Fatalf("B could not lock after A released: %v", err)
	}

	// B's lock expires (as if B died) and A takes it; B's late unlock must
	// leave A's lock alone.
	if err := c[0].Del(t.Context(), "switchboard:lock:renew:session-1").Err(); err != nil {
		t.Fatal(err)
	}
	unlockA, err = a.Lock(t.Context(), "session-1")
	if err != nil {
		t.Fatal(err)
	}
	defer unlockA()
	unlockB()
	if !held(t, b, "session-1") {
		t.Error("B's late unlock released the lock A holds now")
	}
}
