package handlers

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"switchboard/dialpad"
)

func TestListCache(t *testing.T) {
	t0 := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	mine, other := listKey{user: 1}, listKey{user: 2}
	mineLondon := listKey{user: 1, office: 7}
	d := &reviewData{}

	tests := []struct {
		name string
		run  func(c *listCache)
		key  listKey
		now  time.Time
		hit  bool
	}{
		{"empty", func(*listCache) {}, mine, at(0), false},
		{"fresh", func(c *listCache) { c.put(mine, d, at(0), at(1)) }, mine, at(29), true},
		{"expired 30 s after the load began", func(c *listCache) { c.put(mine, d, at(0), at(5)) }, mine, at(30), false},
		{"per person", func(c *listCache) { c.put(mine, d, at(0), at(1)) }, other, at(2), false},
		{"per office filter", func(c *listCache) { c.put(mine, d, at(0), at(1)) }, mineLondon, at(2), false},
		{"my write drops all my entries", func(c *listCache) {
			c.put(mine, d, at(0), at(1))
			c.put(mineLondon, d, at(0), at(1))
			c.dropUser(1, at(2))
		}, mineLondon, at(3), false},
		{"someone else's write keeps mine", func(c *listCache) {
			c.put(mine, d, at(0), at(1))
			c.dropUser(2, at(2))
		}, mine, at(3), true},
		{"a load that began before my write is not kept", func(c *listCache) {
			c.dropUser(1, at(5))
			c.put(mine, d, at(4), at(6))
		}, mine, at(7), false},
		{"a load that began after my write is kept", func(c *listCache) {
			c.dropUser(1, at(5))
			c.put(mine, d, at(6), at(7))
		}, mine, at(8), true},
		{"a load slower than the TTL is not kept", func(c *listCache) { c.put(mine, d, at(0), at(30)) }, mine, at(30), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c listCache // the zero value is ready
			tt.run(&c)
			got, ok := c.get(tt.key, tt.now)
			if ok != tt.hit || (ok && got != d) {
				t.Errorf("get = %v, %v; want hit %v", got, ok, tt.hit)
			}
		})
	}
}

func TestListCacheIsBounded(t *testing.T) {
	t0 := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	var c listCache
	for i := range listCacheMax + 10 {
		// Later loads expire later; the soonest to expire make room.
		c.put(listKey{user: dialpad.ID(i + 1)}, &reviewData{}, t0.Add(time.Duration(i)*time.Millisecond), t0.Add(time.Second))
	}
	if n := c.len(); n != listCacheMax {
		t.Fatalf("%d entries, want at most %d", n, listCacheMax)
	}
	now := t0.Add(2 * time.Second)
	if _, ok := c.get(listKey{user: 1}, now); ok {
		t.Error("the oldest entry survived")
	}
	if _, ok := c.get(listKey{user: listCacheMax + 10}, now); !ok {
		t.Error("the newest entry was evicted")
	}
	// Expired entries go first, without evicting fresh ones.
	c.put(listKey{user: 999}, &reviewData{}, t0.Add(40*time.Second), t0.Add(41*time.Second))
	if n := c.len(); n != 1 {
		t.Errorf("%d entries after everything else expired, want 1", n)
	}
}

func TestInvalidateListsOnWrite(t *testing.T) {
	// When the handler's Dialpad client reports an accepted write.
	const (
		noWrite    = iota
		writeFirst // before the status goes out, as every save does
		writeLater // after the status went out
		noTracker  // a request identify did not set up
	)
	tests := []struct {
		name      string
		method    string
		write     int
		status    int // 0: the handler writes no status
		body      bool
		wantDrops bool
	}{
		{"save then redirect", http.MethodPost, writeFirst, http.StatusSeeOther, false, true},
		{"save then page", http.MethodPost, writeFirst, http.StatusOK, true, true},
		{"save then nothing", http.MethodPost, writeFirst, 0, false, true},
		{"save then body without status", http.MethodPost, writeFirst, 0, true, true},
		{"save then conflict page", http.MethodPost, writeFirst, http.StatusConflict, true, true},
		{"save then render error", http.MethodPost, writeFirst, http.StatusInternalServerError, true, true},
		{"write after the status", http.MethodPost, writeLater, http.StatusOK, true, true},
		{"preview", http.MethodPost, noWrite, http.StatusOK, true, false},
		{"action without write redirects", http.MethodPost, noWrite, http.StatusSeeOther, false, false},
		{"refused form", http.MethodPost, noWrite, http.StatusUnprocessableEntity, true, false},
		{"upstream refused the write", http.MethodPost, noWrite, http.StatusBadGateway, true, false},
		{"look", http.MethodGet, noWrite, http.StatusOK, true, false},
		{"no tracker", http.MethodPost, noTracker, http.StatusSeeOther, false, false},
	}
	now := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &Handler{Now: func() time.Time { return now }}
			me := &Identity{User: dialpad.User{ID: 1}}
			h.lists.put(listKey{user: 1}, &reviewData{}, now, now)
			h.lists.put(listKey{user: 2}, &reviewData{}, now, now)

			ctx, noteWrite := WithWriteTracker(WithIdentity(t.Context(), me))
			if tt.write == noTracker {
				ctx = WithIdentity(t.Context(), me)
			}
			var cachedWhenAnswered bool
			next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.write == writeFirst {
					noteWrite()
				}
				if tt.status != 0 {
					w.WriteHeader(tt.status)
				}
				// What a browser following this answer would find.
				_, cachedWhenAnswered = h.lists.get(listKey{user: 1}, now)
				if tt.body {
					_, _ = w.Write([]byte("ok"))
				}
				if tt.write == writeLater {
					noteWrite()
				}
			})
			req := httptest.NewRequestWithContext(ctx, tt.method, "/x", nil)
			h.InvalidateListsOnWrite(next).ServeHTTP(httptest.NewRecorder(), req)

			_, mineKept := h.lists.get(listKey{user: 1}, now)
			if mineKept == tt.wantDrops {
				t.Errorf("my entry kept = %v, want dropped = %v", mineKept, tt.wantDrops)
			}
			if tt.write == writeFirst && tt.status != 0 && cachedWhenAnswered {
				t.Error("the entry was still there once the status was written")
			}
			if _, ok := h.lists.get(listKey{user: 2}, now); !ok {
				t.Error("another person's entry was dropped")
			}
		})
	}
}

func TestWriteTracker(t *testing.T) {
	if WroteToDialpad(t.Context()) {
		t.Error("a context without a tracker reports a write")
	}
	ctx, noteWrite := WithWriteTracker(t.Context())
	if WroteToDialpad(ctx) {
		t.Error("a fresh tracker reports a write")
	}
	noteWrite()
	if !WroteToDialpad(ctx) {
		t.Error("the noted write is not reported")
	}
	if other, _ := WithWriteTracker(t.Context()); WroteToDialpad(other) {
		t.Error("another request's tracker reports my write")
	}
}
