package emulator

import "net/http"

// deauthorize is POST /oauth2/deauthorize: it revokes the bearer token and
// its refresh token. An unknown or expired token is a 401.
func (e *Emulator) deauthorize(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	gr, ok := e.grants.access[bearerToken(r)]
	if ok {
		e.grants.revoke(gr)
	}
	e.mu.Unlock()
	if !ok {
		writeOAuthError(w, oauthError{status: http.StatusUnauthorized, code: "invalid_token", about: "unknown access token"})
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
