package web

import (
	"context"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"switchboard/dialpad"
)

// logUserKey carries a slot the auth middleware fills with the user id, so
// the request log, which runs outside it, can name who made the request.
type logUserKey struct{}

func setLogUser(ctx context.Context, id dialpad.ID) {
	if slot, ok := ctx.Value(logUserKey{}).(*atomic.Int64); ok {
		slot.Store(int64(id))
	}
}

// logRequests writes one line per request. The path goes without its query
// string, which can carry OAuth codes and states.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		user := new(atomic.Int64)
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), logUserKey{}, user)))

		level := slog.LevelInfo
		if rec.status() >= 500 {
			level = slog.LevelError
		}
		attrs := []slog.Attr{
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status()),
			slog.Duration("duration", time.Since(start)),
		}
		if id := middleware.GetReqID(r.Context()); id != "" {
			attrs = append(attrs, slog.String("request_id", id))
		}
		if id := user.Load(); id != 0 {
			attrs = append(attrs, slog.String("user_id", dialpad.ID(id).String()))
		}
		s.logger.LogAttrs(r.Context(), level, "request", attrs...)
	})
}

// statusRecorder remembers the status code written through it.
type statusRecorder struct {
	http.ResponseWriter
	code int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.code == 0 {
		r.code = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach Flush and deadlines.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *statusRecorder) status() int {
	if r.code == 0 {
		return http.StatusOK
	}
	return r.code
}
