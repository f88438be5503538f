package web

import (
	"golang.org/x/oauth2"

	"switchboard/handlers/audit"
)

// dialpadCredential is what the request's Dialpad calls carry: with a
// company key configured, that key as a bearer token (the spec's
// bearer_token scheme; never the ?apikey= query form, which would put the
// key in URLs and so in logs); otherwise the person's own token. The
// person still signs in with OAuth either way: that is how Switchboard
// knows who they are.
func (s *Server) dialpadCredential(own oauth2.TokenSource) (audit.Credential, oauth2.TokenSource) {
	if !s.cfg.CompanyKeyMode() {
		return audit.OwnToken, own
	}
	return audit.CompanyKey, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: s.cfg.DialpadAPIKey.Reveal(), TokenType: "Bearer"})
}
