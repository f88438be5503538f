package web

import (
	"context"
	"net/http"
	"time"

	"switchboard/web/redisstate"
)

// readyTimeout bounds each check of /readyz: a load balancer's probe must
// not hang on a store that went away.
const readyTimeout = 2 * time.Second

// readyz tells load balancers whether this instance can serve pages: 503
// while the database or Redis does not answer, so traffic goes elsewhere
// until they are back. /healthz stays a liveness check.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if what := s.unready(r.Context()); what != "" {
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(what + " unreachable"))
		return
	}
	_, _ = w.Write([]byte("ready"))
}

// unready names the first store that does not answer, or "".
func (s *Server) unready(ctx context.Context) string {
	if s.storage == nil {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	if err := s.storage.DB.Ping(ctx); err != nil {
		s.logger.WarnContext(ctx, "not ready: database", "err", err)
		return "database"
	}
	if s.storage.Redis != nil {
		if err := redisstate.Ping(ctx, s.storage.Redis); err != nil {
			s.logger.WarnContext(ctx, "not ready: redis", "err", err)
			return "redis"
		}
	}
	return ""
}
