// Package cache keeps Dialpad reads for a short while, shares one read
// between identical concurrent requests (single-flight), and forgets
// whatever a write may have changed. Keys start with a scope (today one
// person, later one company in company-key mode), so a write or a Refresh
// drops everything its scope holds with one prefix.
//
// Entries live in a Store: Memory in one process; a shared store (Redis)
// can implement the same four methods to serve several instances. With
// several instances each keeping its own entries, Drops tells every one
// of them what a write on another dropped.
package cache

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// Defaults: Dialpad's data may be this old on a page, which always says
// how old it is and offers a Refresh.
const (
	DefaultTTL        = 30 * time.Second
	DefaultMaxEntries = 4096
	// loadTimeout bounds a shared load: it runs apart from the request
	// that started it, so one person leaving does not fail the others.
	loadTimeout = 30 * time.Second
)

// Entry is a value with when it was read from Dialpad.
type Entry[V any] struct {
	Value   V
	Fetched time.Time
}

// Store holds entries. Implementations guard themselves and never modify
// a stored value.
type Store[V any] interface {
	Get(key string) (Entry[V], bool)
	Set(key string, e Entry[V], ttl time.Duration)
	// DeletePrefix drops every entry whose key starts with prefix.
	DeletePrefix(prefix string)
}

// Drops is a record of dropped prefixes shared by several instances
// (Redis), so an entry one instance holds is not served after a write on
// another replaced it.
type Drops interface {
	// Drop records that prefix was dropped at at.
	Drop(prefix string, at time.Time)
	// DroppedSince reports whether a prefix of key was dropped at or after
	// since. When it cannot tell (the record is unreachable) it says true:
	// a read too many is better than a stale page.
	DroppedSince(key string, since time.Time) bool
}

// Cache is a read-through cache of V. The zero value is ready (Memory
// store, DefaultTTL, time.Now); a Cache must not be copied.
type Cache[V any] struct {
	// Set before first use, never after.
	Store Store[V]
	TTL   time.Duration
	Now   func() time.Time
	Drops Drops // nil: only this process drops what it holds

	init   sync.Once
	flight singleflight.Group

	mu sync.Mutex
	// dropped is when each prefix was last invalidated: a load that began
	// before then may hold what a write replaced, so it is not stored.
	dropped map[string]time.Time
}

func (c *Cache[V]) setup() {
	c.init.Do(func() {
		if c.Store == nil {
			c.Store = NewMemory[V](DefaultMaxEntries)
		}
		if c.TTL <= 0 {
			c.TTL = DefaultTTL
		}
		if c.Now == nil {
			c.Now = time.Now
		}
	})
}

// Get returns key's value: from the store while fresh, otherwise from
// load, which identical concurrent Gets share. fresh skips the store (a
// Refresh, or a save's read before it writes) and keeps what load returns.
// Errors are never kept. The entry's read time is noted in ctx's Age, if
// any, for the page's "Data from Dialpad, 12 s ago".
func (c *Cache[V]) Get(ctx context.Context, key string, fresh bool, load func(context.Context) (V, error)) (V, error) {
	c.setup()
	if !fresh {
		if e, ok := c.Store.Get(key); ok && c.Now().Sub(e.Fetched) < c.TTL && !c.droppedElsewhere(key, e.Fetched) {
			noteFetched(ctx, e.Fetched)
			return e.Value, nil
		}
	}
	flightKey := key
	if fresh {
		// A fresh read must not join a load that began before the write
		// or Refresh it follows.
		flightKey = "fresh\x00" + key
	}
	ch := c.flight.DoChan(flightKey, func() (_ any, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = &panicked{value: r, stack: debug.Stack()}
			}
		}()
		started := c.Now()
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), loadTimeout)
		defer cancel()
		v, err := load(lctx)
		if err != nil {
			return nil, err
		}
		e := Entry[V]{Value: v, Fetched: started}
		if c.keep(key, started) {
			c.Store.Set(key, e, c.TTL)
		}
		return e, nil
	})
	select {
	case res := <-ch:
		if p, ok := res.Err.(*panicked); ok {
			panic(p)
		}
		if res.Err != nil {
			var zero V
			return zero, res.Err
		}
		e := res.Val.(Entry[V])
		noteFetched(ctx, e.Fetched)
		return e.Value, nil
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// panicked is a load's panic carried out of the shared flight, so that
// each caller panics in its own goroutine, where its own recovery (the
// request's) can catch it. Left alone, singleflight's DoChan re-panics in
// a goroutine nothing can recover, and one bad read ends the process.
type panicked struct {
	value any
	stack []byte
}

func (p *panicked) Error() string {
	return fmt.Sprintf("panic in a shared read: %v\n%s", p.value, p.stack)
}

// keep reports whether a load of key that began at started may be stored.
func (c *Cache[V]) keep(key string, started time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.Now()
	for p, at := range c.dropped {
		if now.Sub(at) > c.TTL+loadTimeout {
			delete(c.dropped, p) // no load that old is still running
			continue
		}
		if strings.HasPrefix(key, p) && !at.Before(started) {
			return false
		}
	}
	return true
}

// DropPrefix forgets every entry under prefix, and any load under it that
// is under way, here and, through Drops, on every instance.
func (c *Cache[V]) DropPrefix(prefix string) {
	c.setup()
	now := c.Now()
	c.mu.Lock()
	if c.dropped == nil {
		c.dropped = map[string]time.Time{}
	}
	c.dropped[prefix] = now
	c.mu.Unlock()
	c.Store.DeletePrefix(prefix)
	if c.Drops != nil {
		c.Drops.Drop(prefix, now)
	}
}

// droppedElsewhere reports whether another instance dropped key's entry,
// read at fetched, since.
func (c *Cache[V]) droppedElsewhere(key string, fetched time.Time) bool {
	return c.Drops != nil && c.Drops.DroppedSince(key, fetched)
}
