package web

import (
	"context"
	"encoding/gob"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
)

// Session keys. Everything lives server-side in the scs store; the cookie
// holds only the random session token.
const (
	keyAuth     = "auth"        // authState of the signed-in person
	keyState    = "oauth_state" // pending sign-in: the state sent to Dialpad
	keyVerifier = "oauth_verifier"
	keyNext     = "oauth_next" // pending sign-in: where to go afterwards
)

// authState is what a signed-in session holds: the OAuth token and the
// Dialpad user read at sign-in, so pages need no GET /users/me each time.
type authState struct {
	Token sessionToken
	User  dialpad.User
}

// sessionToken is the OAuth token. Expiry is on the console's clock,
// computed from expires_in when the token arrived. Renewals counts the
// refreshes since sign-in: the higher count is the newer token, which is
// how a stale copy is told from a fresh one (see tokenKeepingStore).
type sessionToken struct {
	AccessToken  string
	RefreshToken string
	TokenType    string
	Expiry       time.Time
	Renewals     int
}

// registerSessionTypes tells gob (scs's codec) about the types stored
// behind interface values. Registering the same type again is a no-op.
func registerSessionTypes() {
	gob.Register(authState{})
}

// newSessionToken converts a token from the token endpoint, measuring its
// lifetime on now so tests can move the clock past it.
func newSessionToken(t *oauth2.Token, now time.Time) sessionToken {
	st := sessionToken{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, TokenType: t.TokenType, Expiry: t.Expiry}
	if t.ExpiresIn > 0 {
		st.Expiry = now.Add(time.Duration(t.ExpiresIn) * time.Second)
	}
	return st
}

func (t sessionToken) oauth2() *oauth2.Token {
	return &oauth2.Token{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, TokenType: t.TokenType, Expiry: t.Expiry}
}

// authFrom returns the signed-in session's state.
func (s *Server) authFrom(ctx context.Context) (authState, bool) {
	a, ok := s.sessions.Get(ctx, keyAuth).(authState)
	return a, ok && a.Token.AccessToken != ""
}
