package webtest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
)

// tokenRecorder sits under the console's HTTP client and notes every
// token the token endpoint hands out, every bearer token sent, the grant
// type of every token request, and the other secrets token requests carry
// (codes, PKCE verifiers, the client secret).
type tokenRecorder struct {
	base http.RoundTripper

	mu      sync.Mutex
	tokens  []string
	grants  []string
	secrets []string // besides tokens
}

func (r *tokenRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if tok, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer "); ok {
		r.add(tok)
	}
	if req.URL.Path == "/oauth2/token" && req.GetBody != nil {
		if body, err := req.GetBody(); err == nil {
			b, _ := io.ReadAll(body)
			var fields map[string]any // a JSON body, as Dialpad's spec documents
			_ = json.Unmarshal(b, &fields)
			grant, _ := fields["grant_type"].(string)
			r.mu.Lock()
			r.grants = append(r.grants, grant)
			for _, k := range []string{"code", "code_verifier", "client_secret"} {
				if v, _ := fields[k].(string); v != "" && !slices.Contains(r.secrets, v) {
					r.secrets = append(r.secrets, v)
				}
			}
			r.mu.Unlock()
		}
	}
	res, err := r.base.RoundTrip(req)
	if err != nil || req.URL.Path != "/oauth2/token" || res.StatusCode != http.StatusOK {
		return res, err
	}
	body, err := io.ReadAll(res.Body)
	_ = res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(body))
	var t struct {
		AccessToken  string `json:"access_token"`
		RefreshToken string `json:"refresh_token"`
	}
	if json.Unmarshal(body, &t) == nil {
		r.add(t.AccessToken)
		r.add(t.RefreshToken)
	}
	return res, nil
}

func (r *tokenRecorder) add(tok string) {
	if tok == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Contains(r.tokens, tok) {
		r.tokens = append(r.tokens, tok)
	}
}

func (r *tokenRecorder) grantTypes() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.grants)
}

func (r *tokenRecorder) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.tokens)
}

func (r *tokenRecorder) allSecrets() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Concat(r.tokens, r.secrets)
}
