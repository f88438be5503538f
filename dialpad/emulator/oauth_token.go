package emulator

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
)

// oauthError is an RFC 6749 section 5.2 error.
type oauthError struct {
	status      int
	code, about string
}

func writeOAuthError(w http.ResponseWriter, oe oauthError) {
	switch oe.code {
	case "invalid_client":
		w.Header().Set("WWW-Authenticate", `Basic realm="dialpad"`)
	case "invalid_token":
		w.Header().Set("WWW-Authenticate", `Bearer realm="dialpad", error="invalid_token"`)
	}
	writeJSON(w, oe.status, mustMarshal(map[string]string{"error": oe.code, "error_description": oe.about}))
}

func invalidGrant(about string) *oauthError {
	return &oauthError{status: http.StatusBadRequest, code: "invalid_grant", about: about}
}

// tokenResponse is the spec's AuthorizeTokenResponseBodySchema (no id_token:
// the emulator does not do OpenID Connect).
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
}

// token is POST /oauth2/token: the authorization_code and refresh_token
// grants. Refreshing rotates both tokens.
func (e *Emulator) token(w http.ResponseWriter, r *http.Request) {
	p, oe := readTokenRequest(r)
	e.noteTokenRequest(p.GrantType)
	if oe != nil {
		writeOAuthError(w, *oe)
		return
	}
	if oe := e.checkClient(r, p); oe != nil {
		writeOAuthError(w, *oe)
		return
	}
	e.mu.Lock()
	var gr *grant
	if p.GrantType == "authorization_code" {
		gr, oe = e.redeemCode(p)
	} else {
		gr, oe = e.rotate(p)
	}
	var resp tokenResponse
	if oe == nil {
		resp = tokenResponse{
			AccessToken:  gr.access,
			RefreshToken: gr.refresh,
			TokenType:    "bearer",
			ExpiresIn:    int64(gr.expires.Sub(e.now()).Seconds()),
		}
	}
	e.mu.Unlock()
	if oe != nil {
		writeOAuthError(w, *oe)
		return
	}
	writeJSON(w, http.StatusOK, mustMarshal(resp))
}

// checkClient verifies the app's credentials, from HTTP Basic auth or the
// body (the spec allows either). Both at once is refused, as RFC 6749
// section 2.3 says a client must use one method per request.
func (e *Emulator) checkClient(r *http.Request, p tokenRequest) *oauthError {
	id, secret, basic := r.BasicAuth()
	switch {
	case basic && (p.ClientID != "" || p.ClientSecret != ""):
		return invalidRequest("send the client credentials in the body or in Basic auth, not both")
	case basic:
		// RFC 6749 section 2.3.1: Basic credentials are form-encoded first.
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	default:
		id, secret = p.ClientID, p.ClientSecret
	}
	okID := subtle.ConstantTimeCompare([]byte(id), []byte(e.opts.ClientID)) == 1
	okSecret := subtle.ConstantTimeCompare([]byte(secret), []byte(e.opts.ClientSecret)) == 1
	if !okID || !okSecret {
		return &oauthError{status: http.StatusUnauthorized, code: "invalid_client", about: "client authentication failed"}
	}
	return nil
}

// redeemCode trades an authorization code for a token pair. Codes are
// single use: replaying one revokes what it bought. The spec's body carries
// no redirect_uri, so the code is bound to its client and PKCE verifier
// only. The caller holds e.mu.
func (e *Emulator) redeemCode(p tokenRequest) (*grant, *oauthError) {
	code, ok := e.grants.codes[p.Code]
	switch {
	case !ok:
		return nil, invalidGrant("unknown authorization code")
	case code.redeemed:
		if gr, ok := e.grants.access[code.grantedAccess]; ok {
			e.grants.revoke(gr)
		}
		return nil, invalidGrant("authorization code already used")
	}
	code.redeemed = true
	switch {
	case !e.now().Before(code.expires):
		return nil, invalidGrant("authorization code expired")
	case code.clientID != e.opts.ClientID:
		return nil, invalidGrant("authorization code was issued to another client")
	case !pkceMatches(code.method, code.challenge, p.CodeVerifier):
		return nil, invalidGrant("code_verifier does not match the code_challenge")
	}
	gr := e.grants.issue(code.userID, code.clientID, e.now().Add(e.opts.TokenTTL))
	code.grantedAccess = gr.access
	return gr, nil
}

// pkceMatches checks a code_verifier against the stored challenge (RFC 7636).
func pkceMatches(method, challenge, verifier string) bool {
	switch method {
	case "":
		return true
	case "S256":
		sum := sha256.Sum256([]byte(verifier))
		got := base64.RawURLEncoding.EncodeToString(sum[:])
		return verifier != "" && subtle.ConstantTimeCompare([]byte(got), []byte(challenge)) == 1
	default: // plain
		return verifier != "" && subtle.ConstantTimeCompare([]byte(verifier), []byte(challenge)) == 1
	}
}

// rotate trades a refresh token for a new pair and retires the old one.
// The caller holds e.mu.
func (e *Emulator) rotate(p tokenRequest) (*grant, *oauthError) {
	old, ok := e.grants.refresh[p.RefreshToken]
	if !ok {
		return nil, invalidGrant("unknown refresh token")
	}
	e.grants.revoke(old)
	return e.grants.issue(old.userID, old.clientID, e.now().Add(e.opts.TokenTTL)), nil
}
