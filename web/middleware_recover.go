package web

import (
	"fmt"
	"net/http"
	"runtime/debug"
)

// recoverPanics turns a panicking handler into the generic error page and a
// logged stack, instead of a dropped connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if rec == http.ErrAbortHandler {
				panic(rec) // the handler asked for the connection to be cut
			}
			s.h.ServerError(w, r, fmt.Errorf("panic: %v\n%s", rec, debug.Stack()))
		}()
		next.ServeHTTP(w, r)
	})
}
