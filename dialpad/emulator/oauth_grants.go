package emulator

import (
	"crypto/rand"
	"encoding/base64"
	"slices"
	"time"

	"switchboard/dialpad"
)

// grantStore holds the OAuth state: authorization codes and token pairs.
// The Emulator's mutex guards it.
type grantStore struct {
	codes   map[string]*authCode
	access  map[string]*grant
	refresh map[string]*grant
	asked   []string              // grant_type of every token request, for tests
	keys    map[string]dialpad.ID // company API keys and the admin each acts as (company_key.go)
}

// authCode is an authorization code and everything it is bound to. Not
// the redirect URI: Dialpad's token request has no field to check it.
type authCode struct {
	clientID      string
	userID        dialpad.ID
	challenge     string
	method        string // PKCE: "S256", "plain" or "" (no PKCE)
	expires       time.Time
	redeemed      bool
	grantedAccess string // the token pair the code bought, revoked if the code is replayed
}

// grant is one access/refresh token pair of a user.
type grant struct {
	userID   dialpad.ID
	clientID string
	access   string
	refresh  string
	expires  time.Time
}

func newGrantStore() grantStore {
	return grantStore{codes: map[string]*authCode{}, access: map[string]*grant{}, refresh: map[string]*grant{}, keys: map[string]dialpad.ID{}}
}

// issue mints a token pair for userID.
func (g *grantStore) issue(userID dialpad.ID, clientID string, expires time.Time) *grant {
	gr := &grant{userID: userID, clientID: clientID, access: randomToken(), refresh: randomToken(), expires: expires}
	g.access[gr.access] = gr
	g.refresh[gr.refresh] = gr
	return gr
}

// revoke forgets a token pair, found by either of its tokens.
func (g *grantStore) revoke(gr *grant) {
	delete(g.access, gr.access)
	delete(g.refresh, gr.refresh)
}

// valid returns the grant of a live access token.
func (g *grantStore) valid(token string, now time.Time) (*grant, error) {
	if admin, ok := g.keys[token]; ok && token != "" {
		return &grant{userID: admin, access: token, expires: farFuture}, nil
	}
	gr, ok := g.access[token]
	switch {
	case token == "":
		return nil, unauthorized("missing access token: send Authorization: Bearer <token>")
	case !ok:
		return nil, unauthorized("invalid access token")
	case !now.Before(gr.expires):
		return nil, unauthorized("access token expired")
	}
	return gr, nil
}

// owner tells whose token this is, expired or not (for request records).
func (g *grantStore) owner(token string) dialpad.ID {
	if gr, ok := g.access[token]; ok {
		return gr.userID
	}
	return g.keys[token]
}

// randomToken returns 256 random bits, URL-safe.
func randomToken() string {
	return base64.RawURLEncoding.EncodeToString(randomBytes(32))
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return b
}

// noteTokenRequest records a token request's grant type ("" when the body
// named none or could not be read).
func (e *Emulator) noteTokenRequest(grantType string) {
	e.mu.Lock()
	e.grants.asked = append(e.grants.asked, grantType)
	e.mu.Unlock()
}

// TokenRequests returns the grant_type of every request to /oauth2/token,
// valid or not, oldest first: tests count refreshes with it.
func (e *Emulator) TokenRequests() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.grants.asked)
}

// IssueToken returns a valid access token for userID, for tests that skip
// the OAuth dance. It lives Options.TokenTTL like any other.
func (e *Emulator) IssueToken(userID dialpad.ID) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.grants.issue(userID, e.opts.ClientID, e.now().Add(e.opts.TokenTTL)).access
}
