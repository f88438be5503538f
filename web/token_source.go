package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
)

// refreshMargin renews a token this long before it expires, so a request
// never leaves with a token that dies on the way.
const refreshMargin = 30 * time.Second

var (
	// errNoRefreshToken means the token expired and Dialpad gave no way to renew it.
	errNoRefreshToken = errors.New("access token expired and no refresh token was issued")
	// errSessionEnded means the session left the store while a request
	// waited to renew its token (signed out in another tab, or expired).
	errSessionEnded = errors.New("the session ended while its token was being renewed")
)

// sessionSource hands out the request's access token and has the Server
// renew it when it is about to expire. Expiry is judged on the console's
// clock (oauth2's own reuse source reads the wall clock, which tests
// cannot move).
type sessionSource struct {
	s   *Server
	ctx context.Context // the request's: its session

	mu sync.Mutex
	a  authState
}

func (src *sessionSource) Token() (*oauth2.Token, error) {
	src.mu.Lock()
	defer src.mu.Unlock()
	if src.s.fresh(src.a.Token) {
		return src.a.Token.oauth2(), nil
	}
	a, err := src.s.renew(src.ctx, src.a)
	if err != nil {
		return nil, err
	}
	src.a = a
	return a.Token.oauth2(), nil
}

// tokenSource builds the request's token source from its session.
func (s *Server) tokenSource(ctx context.Context, a authState) oauth2.TokenSource {
	return &sessionSource{s: s, ctx: ctx, a: a}
}

// fresh reports whether t can go out with a request now.
func (s *Server) fresh(t sessionToken) bool {
	return t.AccessToken != "" && (t.Expiry.IsZero() || s.now().Add(refreshMargin).Before(t.Expiry))
}

// renew returns the session's sign-in with a fresh token. Refresh tokens
// may be single use, so the session's requests renew one at a time (on
// every instance, when they share Redis: sharedLocks): each
// waits its turn, then reads the session again from the store, where the
// request before it may already have put a fresh token. Only when none is
// there does it spend the refresh token. held is what this request had.
func (s *Server) renew(ctx context.Context, held authState) (authState, error) {
	key := s.sessions.Token(ctx)
	unlock, err := s.renewing.lock(ctx, key)
	if err != nil {
		return held, err
	}
	defer unlock()

	_, latest, err := s.storedAuth(key)
	if err != nil {
		return held, err
	}
	if latest.Token.Renewals < held.Token.Renewals {
		latest = held // cannot happen with tokenKeepingStore; never go back
	}
	if s.fresh(latest.Token) {
		s.sessions.Put(ctx, keyAuth, latest) // another request renewed it
		return latest, nil
	}
	if latest.Token.RefreshToken == "" {
		return held, errNoRefreshToken
	}

	t, err := s.refresh(ctx, latest.Token.RefreshToken)
	if err != nil {
		// Without Redis the lock is per process: with a shared store,
		// another instance may have renewed it meanwhile.
		if grantEnded(err) {
			if _, again, rerr := s.storedAuth(key); rerr == nil && again.Token.Renewals > latest.Token.Renewals && s.fresh(again.Token) {
				s.sessions.Put(ctx, keyAuth, again)
				return again, nil
			}
		}
		return held, err
	}
	fresh := newSessionToken(t, s.now())
	if fresh.RefreshToken == "" {
		fresh.RefreshToken = latest.Token.RefreshToken // Dialpad may keep the refresh token unchanged
	}
	fresh.Renewals = latest.Token.Renewals + 1
	a := authState{Token: fresh, User: latest.User}
	if err := s.storeAuth(ctx, key, a); err != nil {
		return held, err
	}
	s.logger.InfoContext(ctx, "access token refreshed", "user_id", a.User.ID)
	return a, nil
}

// storeAuth puts a renewed sign-in in the store at once, so the requests
// waiting for the lock find it, and in this request's copy of the
// session, which scs writes back when the request ends. It goes into the
// session as stored now, not into this request's copy: others may have
// written to the session (a flash, a form) since this request read it.
func (s *Server) storeAuth(ctx context.Context, key string, a authState) error {
	stored, _, err := s.storedAuth(key)
	if err != nil {
		return err // signed out meanwhile: do not bring the session back
	}
	s.sessions.Put(stored, keyAuth, a)
	if _, _, err := s.sessions.Commit(stored); err != nil {
		s.logger.ErrorContext(ctx, "saving refreshed token", "err", err)
	}
	s.sessions.Put(ctx, keyAuth, a)
	return nil
}

// storedAuth reads the session from the store, not from this request's
// copy: a context holding the stored session, and its sign-in.
func (s *Server) storedAuth(key string) (context.Context, authState, error) {
	if key == "" {
		return nil, authState{}, errSessionEnded
	}
	// A context without the request's session, or Load would return that.
	stored, err := s.sessions.Load(context.Background(), key)
	if err != nil {
		return nil, authState{}, err
	}
	a, ok := s.authFrom(stored)
	if !ok {
		return nil, authState{}, errSessionEnded
	}
	return stored, a, nil
}

// refresh trades a refresh token for a new token. A cancelled request
// does not abandon it halfway: Dialpad may already have retired the old
// refresh token, and the new one must reach the session. The HTTP
// client's timeout bounds it.
func (s *Server) refresh(ctx context.Context, refreshToken string) (*oauth2.Token, error) {
	ctx = s.oauthContext(context.WithoutCancel(ctx))
	return s.oauth.TokenSource(ctx, &oauth2.Token{RefreshToken: refreshToken}).Token()
}

// oauthContext makes golang.org/x/oauth2 use the server's HTTP client,
// with its token requests in JSON.
func (s *Server) oauthContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, s.tokenHC)
}

// jsonTokenClient is hc with its token requests sent as the JSON body
// Dialpad's spec documents; golang.org/x/oauth2 keeps the flow (PKCE,
// parsing tokens and errors) and only its form is rewritten.
func jsonTokenClient(hc *http.Client, tokenURL string) *http.Client {
	c := *hc
	c.Transport = dialpad.JSONTokenRequests(hc.Transport, tokenURL)
	return &c
}

// grantEnded reports whether Dialpad refused the refresh token or the code
// for good (revoked, expired, already used), as opposed to a passing failure.
func grantEnded(err error) bool {
	if errors.Is(err, errNoRefreshToken) || errors.Is(err, errSessionEnded) {
		return true
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode == http.StatusBadRequest || re.Response.StatusCode == http.StatusUnauthorized
	}
	return false
}

// describeTokenError is a log-safe account of a token endpoint failure:
// status and OAuth error code only, never the body (which could echo a
// token or code).
func describeTokenError(err error) string {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		status := 0
		if re.Response != nil {
			status = re.Response.StatusCode
		}
		return fmt.Sprintf("token endpoint answered %d %s", status, re.ErrorCode)
	}
	return err.Error()
}
