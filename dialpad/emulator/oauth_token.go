package emulator

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// tokenParams are the token request's fields, from a form (what
// golang.org/x/oauth2 sends) or a JSON body (what Dialpad's spec shows).
type tokenParams map[string]string

func readTokenParams(r *http.Request) (tokenParams, error) {
	p := tokenParams{}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct == "application/json" {
		b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			return nil, err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, err
		}
		for k, v := range m {
			if s, ok := v.(string); ok {
				p[k] = s
			}
		}
		return p, nil
	}
	if err := r.ParseForm(); err != nil {
		return nil, err
	}
	for k := range r.PostForm {
		p[k] = r.PostForm.Get(k)
	}
	return p, nil
}

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
	p, err := readTokenParams(r)
	if err != nil {
		writeOAuthError(w, oauthError{status: http.StatusBadRequest, code: "invalid_request", about: "the body must be a form or a JSON object"})
		return
	}
	if oe := e.checkClient(r, p); oe != nil {
		writeOAuthError(w, *oe)
		return
	}
	e.mu.Lock()
	var gr *grant
	var oe *oauthError
	switch p["grant_type"] {
	case "authorization_code":
		gr, oe = e.redeemCode(p)
	case "refresh_token":
		gr, oe = e.rotate(p)
	case "":
		oe = &oauthError{status: http.StatusBadRequest, code: "invalid_request", about: "grant_type is required"}
	default:
		oe = &oauthError{status: http.StatusBadRequest, code: "unsupported_grant_type", about: "grant_type must be authorization_code or refresh_token"}
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
// body.
func (e *Emulator) checkClient(r *http.Request, p tokenParams) *oauthError {
	id, secret, basic := r.BasicAuth()
	if basic {
		// RFC 6749 section 2.3.1: Basic credentials are form-encoded first.
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = p["client_id"], p["client_secret"]
	}
	okID := subtle.ConstantTimeCompare([]byte(id), []byte(e.opts.ClientID)) == 1
	okSecret := subtle.ConstantTimeCompare([]byte(secret), []byte(e.opts.ClientSecret)) == 1
	if !okID || !okSecret {
		return &oauthError{status: http.StatusUnauthorized, code: "invalid_client", about: "client authentication failed"}
	}
	return nil
}

// redeemCode trades an authorization code for a token pair. Codes are
// single use: replaying one revokes what it bought. The caller holds e.mu.
func (e *Emulator) redeemCode(p tokenParams) (*grant, *oauthError) {
	code, ok := e.grants.codes[p["code"]]
	switch {
	case p["code"] == "" || !ok:
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
	case p["redirect_uri"] != code.redirectURI:
		return nil, invalidGrant("redirect_uri does not match the authorization request")
	case !pkceMatches(code.method, code.challenge, p["code_verifier"]):
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
func (e *Emulator) rotate(p tokenParams) (*grant, *oauthError) {
	old, ok := e.grants.refresh[p["refresh_token"]]
	if p["refresh_token"] == "" || !ok {
		return nil, invalidGrant("unknown refresh token")
	}
	e.grants.revoke(old)
	return e.grants.issue(old.userID, old.clientID, e.now().Add(e.opts.TokenTTL)), nil
}
