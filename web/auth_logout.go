package web

import (
	"context"
	"net/http"
	"time"
)

// deauthorizeTimeout bounds the courtesy call revoking the token at logout.
const deauthorizeTimeout = 5 * time.Second

// logout revokes the token at Dialpad (best effort: signing out must work
// when Dialpad does not) and ends the session.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if a, ok := s.authFrom(ctx); ok {
		if _, stored, err := s.storedAuth(s.sessions.Token(ctx)); err == nil {
			a = stored // another page may have renewed the token since this one read the session
		}
		s.deauthorize(ctx, a.Token.AccessToken)
		s.logger.InfoContext(ctx, "signed out", "user_id", a.User.ID)
	}
	if err := s.sessions.Destroy(ctx); err != nil {
		s.h.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/signed-out", http.StatusSeeOther)
}

// deauthorize asks Dialpad to revoke the token. Failures are logged (never
// with the token) and otherwise ignored.
func (s *Server) deauthorize(ctx context.Context, accessToken string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), deauthorizeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.DialpadURL+"/oauth2/deauthorize", nil)
	if err != nil {
		s.logger.WarnContext(ctx, "deauthorize", "err", err)
		return
	}
	req.Header.Set("Authorization", "Bearer "+accessToken)
	resp, err := s.hc.Do(req)
	if err != nil {
		s.logger.WarnContext(ctx, "deauthorize", "err", err) // the URL carries no secret
		return
	}
	_ = resp.Body.Close()
	if resp.StatusCode >= 300 {
		s.logger.WarnContext(ctx, "deauthorize", "status", resp.StatusCode)
	}
}

// signedOut confirms the end of the session. Sending people to /login
// instead would bounce them straight back in through Dialpad.
func (s *Server) signedOut(w http.ResponseWriter, r *http.Request) {
	s.h.RenderErrorAction(w, r, http.StatusOK,
		"You are signed out",
		"Your Switchboard session has ended.",
		"Sign in again", "/login")
}
