package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"switchboard/static"
)

// routes is every URL the console answers, in one place.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()

	// Every request: an id, one log line, security headers, panics turned
	// into the error page, and cross-origin protection for every
	// state-changing method (the console's CSRF defence).
	r.Use(middleware.RequestID, s.logRequests, s.securityHeaders, s.recoverPanics, s.csrf.Handler)
	r.NotFound(s.sessions.LoadAndSave(s.identify(http.HandlerFunc(s.h.NotFound))).ServeHTTP)
	r.MethodNotAllowed(s.methodNotAllowed)

	// Probes and assets: no session, so no Set-Cookie spoils their caching.
	r.Get("/healthz", s.healthz)
	r.Handle(static.Prefix+"*", http.StripPrefix(static.Prefix, s.h.Assets))

	r.Group(func(r chi.Router) {
		r.Use(s.sessions.LoadAndSave)

		// Signing in and out with Dialpad.
		r.Get("/login", s.login)
		r.Get("/auth/callback", s.callback)
		r.Post("/logout", s.logout)
		r.Get("/signed-out", s.signedOut)

		// Pages: a signed-in person, with a Dialpad client acting as them.
		r.Group(func(r chi.Router) {
			r.Use(s.identify, s.requireSignIn)
			r.Get("/", s.h.Home)
			r.Get("/callcenters", s.h.CallCenterList)
			r.Get("/departments", s.h.DepartmentList)
			r.Get("/routers", s.h.RouterList)
		})
	})
	return r
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.h.RenderError(w, r, http.StatusMethodNotAllowed, "Not allowed",
		"This address does not accept that kind of request.")
}
