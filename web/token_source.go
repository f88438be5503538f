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

// errNoRefreshToken means the token expired and Dialpad gave no way to renew it.
var errNoRefreshToken = errors.New("access token expired and no refresh token was issued")

// refreshingSource hands out the session's access token and trades the
// refresh token for a new one when it is about to expire. Expiry is judged
// on the console's clock (oauth2's own reuse source reads the wall clock,
// which tests cannot move).
type refreshingSource struct {
	ctx  context.Context // carries the HTTP client for the token endpoint
	conf *oauth2.Config
	now  func() time.Time

	mu  sync.Mutex
	tok sessionToken
}

func (r *refreshingSource) Token() (*oauth2.Token, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.tok.AccessToken != "" && (r.tok.Expiry.IsZero() || r.now().Add(refreshMargin).Before(r.tok.Expiry)) {
		return r.tok.oauth2(), nil
	}
	if r.tok.RefreshToken == "" {
		return nil, errNoRefreshToken
	}
	t, err := r.conf.TokenSource(r.ctx, &oauth2.Token{RefreshToken: r.tok.RefreshToken}).Token()
	if err != nil {
		return nil, err
	}
	fresh := newSessionToken(t, r.now())
	if fresh.RefreshToken == "" {
		fresh.RefreshToken = r.tok.RefreshToken // Dialpad may keep the refresh token unchanged
	}
	r.tok = fresh
	return fresh.oauth2(), nil
}

// tokenSource builds the request's token source from the session; a
// refreshed token is written back to the session at once.
func (s *Server) tokenSource(ctx context.Context, a authState) oauth2.TokenSource {
	src := &refreshingSource{ctx: s.oauthContext(ctx), conf: s.oauth, now: s.now, tok: a.Token}
	return dialpad.NotifyingTokenSourceFrom(a.Token.oauth2(), src, func(t *oauth2.Token) {
		s.sessions.Put(ctx, keyAuth, authState{Token: newSessionToken(t, s.now()), User: a.User})
		// The page may already have started its answer, after which scs
		// no longer saves on its own; committing here keeps the new token.
		if _, _, err := s.sessions.Commit(ctx); err != nil {
			s.logger.ErrorContext(ctx, "saving refreshed token", "err", err)
		}
		s.logger.InfoContext(ctx, "access token refreshed", "user_id", a.User.ID)
	})
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
	if errors.Is(err, errNoRefreshToken) {
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
