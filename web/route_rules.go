package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"switchboard/handlers"
	"switchboard/handlers/access"
)

// rule is a route's handler with the action it performs. Every signed-in
// route is registered through allow, so the route table itself says who
// may use it (TestEveryRouteHasARule walks it). Per-office actions are
// judged here only as "somewhere"; the handler checks the resource's office
// once it knows it, before anything is sent.
type rule struct {
	action access.Action
	next   http.HandlerFunc
	h      *handlers.Handler
}

// allow registers next as performing action a.
func (s *Server) allow(a access.Action, next http.HandlerFunc) http.Handler {
	return rule{action: a, next: next, h: s.h}
}

func (ru rule) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	who := handlers.IdentityFrom(r.Context())
	switch {
	case who == nil:
		// requireSignIn runs first; reaching here signed out is a wiring
		// mistake, and nothing is served.
		ru.h.RenderError(w, r, http.StatusUnauthorized, "Sign in to continue",
			"Sign in with your Dialpad account to see this page.")
	case who.Rights.Role() == access.None:
		ru.h.NoAccess(w, r)
	case !who.Rights.CanSomewhere(ru.action):
		ru.h.RefuseAction(w, r, ru.action)
	default:
		ru.next(w, r)
	}
}

// public marks a route anyone may use: probes, assets, signing in and out.
type public struct{ http.Handler }

func publicRoute(h http.Handler) http.Handler { return public{h} }

// RouteRule tells what a route handler declares: its action, or public.
// For tests that walk the route table.
func RouteRule(h http.Handler) (a access.Action, isPublic, ok bool) {
	for {
		ch, chained := h.(*chi.ChainHandler)
		if !chained {
			break
		}
		h = ch.Endpoint
	}
	switch v := h.(type) {
	case rule:
		return v.action, false, true
	case public:
		return "", true, true
	}
	return "", false, false
}

// Routes is the route table, for tests that walk it.
func (s *Server) Routes() chi.Routes { return s.table }
