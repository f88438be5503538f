package handlers

import (
	"net/http"

	"switchboard/cache"
	"switchboard/dialpad"
)

// CacheReads prepares each signed-in request for the read cache: it
// collects how old the data shown is (for the page's "Data from Dialpad,
// 12 s ago"), makes posts and Refreshes read Dialpad afresh, and drops the
// person's cached reads when the request wrote to Dialpad (WroteToDialpad),
// whatever it then answered: a write that went out is real even if the
// page after it failed. Requests that only look or preview keep the cache.
// It runs after identify, which sets up the tracker. The entries go the
// moment the status is written, before the browser can follow a redirect
// back to a list, or at the latest when the handler returns.
func (h *Handler) CacheReads(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := IdentityFrom(r.Context())
		t := writeTrackerFrom(r.Context())
		if id == nil {
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
		scope := CacheScope(id.User)
		iw := &invalidatingWriter{ResponseWriter: w, tracker: t, drop: func() { h.dropScope(scope) }}
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
