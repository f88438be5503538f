package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"switchboard/dialpad"
)

func TestCacheReadsDropsOnWrite(t *testing.T) {
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
			who := &Identity{User: dialpad.User{ID: 1}}
			mine, other := h.cacheScope(dialpad.User{ID: 1})+"x", h.cacheScope(dialpad.User{ID: 2})+"x"
			reads := &h.caches().reads
			for _, k := range []string{mine, other} {
				_, _ = reads.Get(t.Context(), k, false, func(context.Context) ([]byte, error) { return []byte("v"), nil })
			}
			cached := func(k string) bool { _, ok := reads.Store.Get(k); return ok }

			ctx, noteWrite := WithWriteTracker(WithIdentity(t.Context(), who))
			if tt.write == noTracker {
				ctx = WithIdentity(t.Context(), who)
			}
			var cachedWhenAnswered bool
			next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tt.write == writeFirst {
					noteWrite(http.MethodPatch, "/api/v2/offices/7", nil)
				}
				if tt.status != 0 {
					w.WriteHeader(tt.status)
				}
				// What a browser following this answer would find.
				cachedWhenAnswered = cached(mine)
				if tt.body {
					_, _ = w.Write([]byte("ok"))
				}
				if tt.write == writeLater {
					noteWrite(http.MethodPatch, "/api/v2/offices/7", nil)
				}
			})
			req := httptest.NewRequestWithContext(ctx, tt.method, "/x", nil)
			h.CacheReads(next).ServeHTTP(httptest.NewRecorder(), req)

			mineKept := cached(mine)
			if mineKept == tt.wantDrops {
				t.Errorf("my entry kept = %v, want dropped = %v", mineKept, tt.wantDrops)
			}
			if tt.write == writeFirst && tt.status != 0 && cachedWhenAnswered {
				t.Error("the entry was still there once the status was written")
			}
			if !cached(other) {
				t.Error("another person's entry was dropped")
			}
		})
	}
}

func TestAffectedBy(t *testing.T) {
	tests := []struct {
		path, prefix string
		hours        bool
	}{
		{"/api/v2/callcenters/123", "/api/v2/callcenters", true},
		{"/api/v2/departments/9", "/api/v2/departments", true},
		{"/api/v2/callrouters/5/assign_number", "/api/v2/callrouters", false},
		{"/api/v2/customivrs/callcenter/1/HOLD_MUSIC", "/api/v2/customivrs", false},
		{"/api/v2/offices/7", "", true}, // unknown reach: everything
		{"/oauth2/deauthorize", "", true},
	}
	for _, tt := range tests {
		prefix, hours := affectedBy(tt.path)
		if prefix != tt.prefix || hours != tt.hours {
			t.Errorf("affectedBy(%q) = %q, %v; want %q, %v", tt.path, prefix, hours, tt.prefix, tt.hours)
		}
	}
}
