package web

import (
	"crypto/rand"
	"encoding/base64"
	"net/http"

	"golang.org/x/oauth2"
)

// login starts the OAuth code flow: a fresh state and PKCE verifier are
// kept in the session, and the browser goes to Dialpad's consent page.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	state, err := randomState()
	if err != nil {
		s.h.ServerError(w, r, err)
		return
	}
	verifier := oauth2.GenerateVerifier()
	s.sessions.Put(ctx, keyState, state)
	s.sessions.Put(ctx, keyVerifier, verifier)
	s.sessions.Put(ctx, keyNext, safeNext(r.URL.Query().Get("next")))

	w.Header().Set("Cache-Control", "no-store")
	authURL := s.oauth.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier))
	if r.Header.Get("HX-Request") == "true" {
		// htmx cannot follow a redirect to another site; the browser must.
		w.Header().Set("HX-Redirect", authURL)
		return
	}
	http.Redirect(w, r, authURL, http.StatusSeeOther)
}

// randomState is 32 bytes from crypto/rand, URL-safe.
func randomState() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
