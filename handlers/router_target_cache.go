package handlers

import (
	"context"
	"time"

	"sync"

	"switchboard/dialpad"
)

// What router pages know about targets is kept per person for a short
// while, so a person moving between routers does not read it again and
// again; a target created or renamed meanwhile shows within half a minute.
const (
	targetsTTL = 30 * time.Second
	targetsMax = 64 // people; the oldest entry makes room
)

// targetsCache keeps each person's routerTargets. The zero value is ready;
// Handler carries one. Entries are never modified once stored: growing one
// stores a copy.
type targetsCache struct {
	mu      sync.Mutex
	entries map[dialpad.ID]targetsEntry
}

type targetsEntry struct {
	t       *routerTargets
	expires time.Time
}

// routerTargets returns the person's targets with the chooser's four lists,
// from the cache while fresh.
func (h *Handler) routerTargets(ctx context.Context, id *Identity) (*routerTargets, error) {
	now := h.now()
	if t, _, ok := h.targets.get(id.User.ID, now); ok && t.full() {
		return t, nil
	}
	t, err := loadTargets(ctx, id.Client)
	if err != nil {
		return nil, err
	}
	h.targets.put(id.User.ID, t, now.Add(targetsTTL), now)
	return t, nil
}

// get returns the person's entry while it is fresh, with its expiry.
func (c *targetsCache) get(user dialpad.ID, now time.Time) (*routerTargets, time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[user]
	if !ok || !now.Before(e.expires) {
		return nil, time.Time{}, false
	}
	return e.t, e.expires, true
}

// put stores t for the person until expires.
func (c *targetsCache) put(user dialpad.ID, t *routerTargets, expires, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[dialpad.ID]targetsEntry{}
	}
	for k, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, k)
		}
	}
	if _, ok := c.entries[user]; !ok && len(c.entries) >= targetsMax {
		var oldest dialpad.ID
		first := true
		for k, e := range c.entries {
			if first || e.expires.Before(c.entries[oldest].expires) {
				oldest, first = k, false
			}
		}
		delete(c.entries, oldest)
	}
	c.entries[user] = targetsEntry{t: t, expires: expires}
}
