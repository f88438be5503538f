package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/dialpad/cache"
)

// CacheReads prepares each signed-in request for the read cache: it
// collects how old the data shown is (for the page's "Data from Dialpad,
// 12 s ago"), makes posts and Refreshes read Dialpad afresh, and drops the
// person's cached reads that a write Dialpad accepted may have changed
// (affectedBy), whatever the request then answered: a write that went out
// is real even if the page after it failed. Requests that only look or preview keep the cache.
// It runs after identify, which sets up the tracker. The entries go the
// moment the status is written, before the browser can follow a redirect
// back to a list, or at the latest when the handler returns.
func (h *Handler) CacheReads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		who := IdentityFrom(r.Context())
		t := writeTrackerFrom(r.Context())
		if who == nil {
			next.ServeHTTP(w, r)
			return
		}
		ctx, _ := cache.WithAge(r.Context())
		if wantsFresh(r) {
			ctx = dialpad.WithFreshReads(ctx)
		}
		r = r.WithContext(ctx)
		if t == nil {
			next.ServeHTTP(w, r)
			return
		}
		scope := h.cacheScope(who.User)
		iw := &invalidatingWriter{ResponseWriter: w, tracker: t, drop: func(writes []write) { h.dropWritten(scope, writes) }}
		next.ServeHTTP(iw, r)
		iw.check()
	})
}

// invalidatingWriter calls drop with the writes made so far when the
// status goes out, and with any written after when the handler ends.
type invalidatingWriter struct {
	http.ResponseWriter
	tracker    *writeTracker
	drop       func(writes []write)
	headerSent bool
	dropped    int // writes already handled
}

func (w *invalidatingWriter) check() {
	if writes := w.tracker.since(w.dropped); len(writes) > 0 {
		w.dropped += len(writes)
		w.drop(writes)
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
