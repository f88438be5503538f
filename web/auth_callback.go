package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
)

// callback finishes the OAuth code flow: it checks the state, trades the
// code (with the PKCE verifier) for a token, reads who signed in and starts
// a fresh session for them.
func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	// The pending flow is single use, whatever happens next.
	wantState := s.sessions.PopString(ctx, keyState)
	verifier := s.sessions.PopString(ctx, keyVerifier)
	next := safeNext(s.sessions.PopString(ctx, keyNext))

	if e := q.Get("error"); e != "" {
		s.logger.InfoContext(ctx, "sign-in not granted", "error", e)
		if e == "access_denied" {
			s.h.RenderErrorAction(w, r, http.StatusForbidden,
				"You declined access",
				"Switchboard needs your permission to act on Dialpad for you. Nothing was changed.",
				"Try again", "/login?next="+url.QueryEscape(next))
			return
		}
		s.h.RenderErrorAction(w, r, http.StatusBadGateway,
			"Dialpad could not sign you in",
			"Dialpad ended the sign-in without granting access. Try again in a moment.",
			"Try again", "/login")
		return
	}

	got := q.Get("state")
	if wantState == "" || q.Get("code") == "" || subtle.ConstantTimeCompare([]byte(got), []byte(wantState)) != 1 {
		s.logger.WarnContext(ctx, "sign-in state mismatch", "had_pending", wantState != "")
		s.expiredSignIn(w, r)
		return
	}

	tok, err := s.oauth.Exchange(s.oauthContext(ctx), q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		s.logger.WarnContext(ctx, "exchanging the code", "err", describeTokenError(err))
		if grantEnded(err) {
			s.expiredSignIn(w, r)
			return
		}
		s.h.RenderError(w, r, http.StatusBadGateway, "Dialpad is not answering",
			"Switchboard could not complete your sign-in with Dialpad. Please try again in a moment.")
		return
	}
	st := newSessionToken(tok, s.now())

	client := dialpad.New(s.cfg.DialpadURL, dialpad.WithHTTPClient(s.hc), dialpad.WithLogger(s.logger),
		dialpad.WithTokenSource(oauth2.StaticTokenSource(st.oauth2())))
	me, err := readMe(ctx, client)
	if err != nil {
		s.h.UpstreamError(w, r, err)
		return
	}

	// A new session token on every sign-in defeats session fixation.
	if err := s.sessions.RenewToken(ctx); err != nil {
		s.h.ServerError(w, r, err)
		return
	}
	s.sessions.Put(ctx, keyAuth, authState{Token: st, User: *me})
	setLogUser(ctx, me.ID)
	s.logger.InfoContext(ctx, "signed in", "user_id", me.ID, "company_id", me.CompanyID)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// expiredSignIn explains a callback that matches no pending sign-in: an old
// tab, a reused link, or a forged request.
func (s *Server) expiredSignIn(w http.ResponseWriter, r *http.Request) {
	s.h.RenderErrorAction(w, r, http.StatusBadRequest,
		"This sign-in link has expired or was already used",
		"Sign-in links work once and only in the browser that started them. Start over to sign in.",
		"Start over", "/login")
}

// maxSignInWait is the longest Retry-After the sign-in waits out. The code
// is already spent, so failing here would send the person back through
// Dialpad's consent page.
const maxSignInWait = 3 * time.Second

// readMe asks Dialpad who signed in. The sign-in cannot use the company's
// limiter (the company is not known yet), so when colleagues keep the
// company at its rate limit it waits out a short 429 once instead of
// failing.
func readMe(ctx context.Context, client *dialpad.Client) (*dialpad.User, error) {
	me, err := client.Me(ctx)
	var ae *dialpad.APIError
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusTooManyRequests || ae.RetryAfter > maxSignInWait {
		return me, err
	}
	t := time.NewTimer(max(ae.RetryAfter, 100*time.Millisecond))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return nil, err
	case <-t.C:
	}
	return client.Me(ctx)
}
