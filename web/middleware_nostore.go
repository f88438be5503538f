package web

import "net/http"

// noStore keeps every answer that carries a session out of caches: pages
// hold what a signed-in person may see (and, after a save, what they
// typed), so neither the browser's back-forward cache nor a shared proxy
// may keep them after sign-out. A handler may still say otherwise for its
// own answer (the audio relay); assets and probes are outside it and keep
// their long, immutable caching.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}
