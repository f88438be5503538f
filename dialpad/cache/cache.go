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
	// RewritePrefix passes every entry whose key starts with prefix to fn
	// and keeps what fn returns, until the entry's old expiry; an entry
	// fn cannot rewrite (false) is dropped.
	RewritePrefix(prefix string, fn func(key string, e Entry[V]) (Entry[V], bool))
}

// Drops is a record of dropped prefixes shared by several instances
// (Redis), so an entry one instance holds is not served after a write on
// another replaced it.
type Drops interface {
	// Drop records that prefix was dropped at at.
	Drop(prefix string, at time.Time)
	// DroppedSince reports whether another instance dropped a prefix of
	// key at or after since. This instance's own drops are not counted:
	// its Cache already deleted or rewrote what they affect (a write's
	// answer put in place must not count as dropped by that write). When
	// it cannot tell (the record is unreachable) it says true: a read too
	// many is better than a stale page.
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
// any, for the page's "Data from Dialpad, 12 s ago". load's ctx carries an
// Age of its own: a value built from other cached reads is kept as read
// when the oldest of them was (AgeFrom tells load that time too).
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
		// A value built from other cached reads is as old as the oldest.
		lctx, age := WithAge(lctx)
		v, err := load(lctx)
		if err != nil {
			return nil, err
		}
		e := Entry[V]{Value: v, Fetched: started}
		if oldest := age.Oldest(); !oldest.IsZero() && oldest.Before(started) {
			e.Fetched = oldest
		}
		c.mu.Lock()
		defer c.mu.Unlock()
		// Checked and stored under mu: a drop or rewrite cannot land
		// between the two and be undone by this older read.
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
// The caller holds mu.
func (c *Cache[V]) keep(key string, started time.Time) bool {
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
	c.change(prefix, func() { c.Store.DeletePrefix(prefix) })
}

// RewritePrefix puts what a write changed in place instead of dropping it:
// fn gets each entry under prefix and returns its new value, or false to
// drop it. Rewritten entries keep their read time and expiry (the rest of
// a list is as old as before). Loads under prefix under way are not
// stored, as after DropPrefix; other instances, which cannot rewrite,
// drop the prefix.
func (c *Cache[V]) RewritePrefix(prefix string, fn func(key string, v V) (V, bool)) {
	c.change(prefix, func() {
		c.Store.RewritePrefix(prefix, func(key string, e Entry[V]) (Entry[V], bool) {
			v, ok := fn(key, e.Value)
			e.Value = v
			return e, ok
		})
	})
}

// Put stores v under key as read from Dialpad now: a write's answer, which
// is the resource as Dialpad has it. Call it after RewritePrefix or
// DropPrefix of a prefix of key, so no older load under way replaces it.
func (c *Cache[V]) Put(key string, v V) {
	c.setup()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.Store.Set(key, Entry[V]{Value: v, Fetched: c.Now()}, c.TTL)
}

// change marks prefix changed now, so loads under way that began before
// are not stored, applies apply to the store, and records the drop for
// the other instances.
func (c *Cache[V]) change(prefix string, apply func()) {
	c.setup()
	c.mu.Lock()
	now := c.Now()
	if c.dropped == nil {
		c.dropped = map[string]time.Time{}
	}
	c.dropped[prefix] = now
	apply()
	c.mu.Unlock()
	if c.Drops != nil {
		c.Drops.Drop(prefix, now)
	}
}

// droppedElsewhere reports whether another instance dropped key's entry,
// read at fetched, since. Rewritten entries keep their read time, so a
// write elsewhere after that read still drops them here.
func (c *Cache[V]) droppedElsewhere(key string, fetched time.Time) bool {
	return c.Drops != nil && c.Drops.DroppedSince(key, fetched)
}
