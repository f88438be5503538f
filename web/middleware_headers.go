package web

import (
	"net/http"
	"strings"
)

// securityHeaders sets headers every answer carries. Scripts and styles come
// only from our own embedded assets; forms may post here and, through the
// sign-in redirect, lead to Dialpad.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	csp := strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data:",
		"media-src 'self'", // custom IVR players (demo mode's audio relay)
		"connect-src 'self'",
		"form-action 'self' " + s.cfg.DialpadURL,
		"base-uri 'none'",
		"frame-ancestors 'none'",
	}, "; ")
	https := strings.HasPrefix(s.cfg.PublicURL, "https://")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// The callback URL carries the OAuth code; never leak it to other sites.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if https {
			h.Set("Strict-Transport-Security", "max-age=63072000")
		}
		next.ServeHTTP(w, r)
	})
}
