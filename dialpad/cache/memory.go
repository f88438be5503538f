package cache

import (
	"strings"
	"sync"
	"time"
)

// Memory is a Store in this process, bounded in entries: when full, the
// entry closest to expiry makes room.
type Memory[V any] struct {
	max int

	mu      sync.Mutex
	entries map[string]memoryEntry[V]
}

type memoryEntry[V any] struct {
	e       Entry[V]
	expires time.Time
}

// NewMemory returns a Memory store of at most max entries.
func NewMemory[V any](max int) *Memory[V] {
	return &Memory[V]{max: max, entries: map[string]memoryEntry[V]{}}
}

func (m *Memory[V]) Get(key string) (Entry[V], bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	me, ok := m.entries[key]
	return me.e, ok
}

func (m *Memory[V]) Set(key string, e Entry[V], ttl time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	expires := e.Fetched.Add(ttl)
	if _, ok := m.entries[key]; !ok && len(m.entries) >= m.max {
		m.makeRoom(e.Fetched)
	}
	m.entries[key] = memoryEntry[V]{e: e, expires: expires}
}

// makeRoom drops expired entries, or else the one closest to expiry.
func (m *Memory[V]) makeRoom(now time.Time) {
	var (
		victim string
		first  time.Time
	)
	for k, me := range m.entries {
		if !now.Before(me.expires) {
			delete(m.entries, k)
			continue
		}
		if first.IsZero() || me.expires.Before(first) {
			victim, first = k, me.expires
		}
	}
	if len(m.entries) >= m.max {
		delete(m.entries, victim)
	}
}

func (m *Memory[V]) DeletePrefix(prefix string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.entries {
		if strings.HasPrefix(k, prefix) {
			delete(m.entries, k)
		}
	}
}

func (m *Memory[V]) RewritePrefix(prefix string, fn func(key string, e Entry[V]) (Entry[V], bool)) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, me := range m.entries {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		e, ok := fn(k, me.e)
		if !ok {
			delete(m.entries, k)
			continue
		}
		m.entries[k] = memoryEntry[V]{e: e, expires: me.expires}
	}
}
