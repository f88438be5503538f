package web

import (
	"net/http"
	"net/url"

	"switchboard/dialpad"
	"switchboard/handlers"
)

// identify puts the signed-in person, with a Dialpad client acting as them,
// in the request context. Signed-out requests pass through unchanged.
func (s *Server) identify(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		a, ok := s.authFrom(ctx)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		ts := s.tokenSource(ctx, a)
		// Renew an expiring token now, before the page writes anything, so a
		// grant Dialpad ended becomes a fresh sign-in rather than a broken page.
		if _, err := ts.Token(); err != nil {
			if grantEnded(err) {
				s.logger.InfoContext(ctx, "sign-in ended by Dialpad", "user_id", a.User.ID, "reason", describeTokenError(err))
				if err := s.sessions.Destroy(ctx); err != nil {
					s.logger.ErrorContext(ctx, "destroying session", "err", err)
				}
				s.redirectToLogin(w, r)
				return
			}
			s.logger.ErrorContext(ctx, "refreshing access token", "user_id", a.User.ID, "err", describeTokenError(err))
			s.h.RenderError(w, r, http.StatusBadGateway, "Dialpad is not answering",
				"Switchboard could not renew your sign-in with Dialpad. Please try again in a moment.")
			return
		}
		// The tracker tells InvalidateListsOnWrite whether this request
		// really changed something in Dialpad.
		ctx, noteWrite := handlers.WithWriteTracker(ctx)
		cred, calls := s.dialpadCredential(ts)
		client := dialpad.New(s.cfg.DialpadURL,
			dialpad.WithHTTPClient(s.hc),
			dialpad.WithTokenSource(calls),
			dialpad.WithBudget(s.limiters.forCompany(a.User.CompanyID)),
			dialpad.WithMaxBudgetWait(maxBudgetWait),
			dialpad.WithReadCache(s.h.ReadCache(a.User)),
			dialpad.WithLogger(s.logger),
			dialpad.WithWriteObserver(noteWrite),
		)
		rights, err := s.rightsOf(ctx, a.User)
		if err != nil {
			s.logger.ErrorContext(ctx, "reading grants", "user_id", a.User.ID, "err", err)
			s.h.RenderError(w, r, http.StatusServiceUnavailable, "Switchboard is unavailable",
				"Switchboard could not read who may do what. Please try again in a moment.")
			return
		}
		setLogUser(ctx, a.User.ID)
		ctx = handlers.WithIdentity(ctx, &handlers.Identity{User: a.User, Client: client, Rights: rights, Credential: cred})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requireSignIn sends signed-out visitors to /login, remembering where they
// were going. It runs after identify.
func (s *Server) requireSignIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if handlers.IdentityFrom(r.Context()) == nil {
			s.redirectToLogin(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// redirectToLogin answers htmx requests with HX-Redirect (a 303 would be
// swapped into the page) and everything else with a 303.
func (s *Server) redirectToLogin(w http.ResponseWriter, r *http.Request) {
	loc := "/login?next=" + url.QueryEscape(returnPath(r))
	if r.Header.Get("HX-Request") == "true" {
		w.Header().Set("HX-Redirect", loc)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	http.Redirect(w, r, loc, http.StatusSeeOther)
}

// returnPath is where the person should land after signing in: the page
// they asked for, or for htmx and form posts the page they were on.
func returnPath(r *http.Request) string {
	if r.Header.Get("HX-Request") == "true" {
		return sameOriginPath(r, r.Header.Get("HX-Current-URL"))
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return safeNext(r.URL.RequestURI())
	}
	return sameOriginPath(r, r.Referer())
}

// sameOriginPath returns the local path of raw when it points at this
// host, and "/" otherwise.
func sameOriginPath(r *http.Request, raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host != r.Host {
		return "/"
	}
	return safeNext(u.RequestURI())
}
