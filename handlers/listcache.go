package handlers

import (
	"net/http"
	"sync"
	"time"

	"switchboard/dialpad"
)

// The review page reads every call center and department of a company;
// keeping what it read for a short while makes filtering, exporting and
// coming back from an editor instant, and spares the company's rate limit.
const (
	listCacheTTL = 30 * time.Second
	// listCacheMax bounds the entries (one per person and office filter);
	// a full company can be a few hundred kilobytes.
	listCacheMax = 64
)

// listKey is whose lists, and for which office (0 = every office).
type listKey struct {
	user   dialpad.ID
	office dialpad.ID
}

type listEntry struct {
	data    *reviewData
	expires time.Time
}

// listCache holds the review lists per person. The zero value is ready;
// Handler carries one. Entries are never modified once stored, so readers
// share them without copying.
type listCache struct {
	mu      sync.Mutex
	entries map[listKey]listEntry
	// writes is when each person last changed something. A load that began
	// before that instant may hold what the write replaced, so it is not
	// kept. Entries older than the TTL are pruned: no load that old is kept
	// anyway.
	writes map[dialpad.ID]time.Time
}

// get returns the person's lists while they are fresh.
func (c *listCache) get(k listKey, now time.Time) (*reviewData, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || !now.Before(e.expires) {
		return nil, false
	}
	return e.data, true
}

// put keeps data loaded from started until now, unless the person wrote
// something since started or the load took longer than the cache lasts.
func (c *listCache) put(k listKey, data *reviewData, started, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.Sub(started) >= listCacheTTL {
		return
	}
	if w, ok := c.writes[k.user]; ok && !w.Before(started) {
		return
	}
	if c.entries == nil {
		c.entries = map[listKey]listEntry{}
	}
	c.prune(now)
	if _, ok := c.entries[k]; !ok && len(c.entries) >= listCacheMax {
		c.evictSoonest()
	}
	c.entries[k] = listEntry{data: data, expires: started.Add(listCacheTTL)}
}

// dropUser forgets everything cached for the person: they just changed
// something in Dialpad and must see it on their next look.
func (c *listCache) dropUser(user dialpad.ID, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.entries {
		if k.user == user {
			delete(c.entries, k)
		}
	}
	if c.writes == nil {
		c.writes = map[dialpad.ID]time.Time{}
	}
	c.writes[user] = now
}

// len is how many entries are held, expired ones included.
func (c *listCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// prune drops expired entries and write marks older than the TTL.
func (c *listCache) prune(now time.Time) {
	for k, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, k)
		}
	}
	for u, w := range c.writes {
		if now.Sub(w) > listCacheTTL {
			delete(c.writes, u)
		}
	}
}

// evictSoonest makes room by dropping the entry closest to expiry.
func (c *listCache) evictSoonest() {
	var (
		victim listKey
		first  time.Time
		found  bool
	)
	for k, e := range c.entries {
		if !found || e.expires.Before(first) {
			victim, first, found = k, e.expires, true
		}
	}
	if found {
		delete(c.entries, victim)
	}
}

// InvalidateListsOnWrite drops the person's cached lists when the request
// wrote to Dialpad (WroteToDialpad), whatever it then answered: a write that
// went out is real even if the page after it failed. Requests that only
// look or preview keep the cache. It runs after identify, which sets up the
// tracker. The entries go the moment the status is written, before the
// browser can follow a redirect back to a list, or at the latest when the
// handler returns.
func (h *Handler) InvalidateListsOnWrite(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := IdentityFrom(r.Context())
		t := writeTrackerFrom(r.Context())
		if id == nil || t == nil {
			next.ServeHTTP(w, r)
			return
		}
		iw := &invalidatingWriter{ResponseWriter: w, tracker: t, drop: func() { h.lists.dropUser(id.User.ID, h.now()) }}
		next.ServeHTTP(iw, r)
		iw.check()
	})
}

// invalidatingWriter calls drop once, when the status goes out or the
// handler ends, if the request has written to Dialpad by then.
type invalidatingWriter struct {
	http.ResponseWriter
	tracker    *writeTracker
	drop       func()
	headerSent bool
	dropped    bool
}

func (w *invalidatingWriter) check() {
	if !w.dropped && w.tracker.wrote.Load() {
		w.dropped = true
		w.drop()
	}
}

func (w *invalidatingWriter) WriteHeader(status int) {
	// 1xx answers are interim; the real status comes later.
	if status >= 200 && !w.headerSent {
		w.headerSent = true
		w.check()
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *invalidatingWriter) Write(b []byte) (int, error) {
	if !w.headerSent {
		w.headerSent = true
		w.check()
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (flush, deadlines).
func (w *invalidatingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
