package dialpad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
)

// tokenFields are the fields of Dialpad's token request body for a grant
// type (AuthorizationCodeGrantBodySchema, RefreshTokenGrantBodySchema);
// every one is a string. False for a grant the spec does not document.
func tokenFields(grant string) ([]string, bool) {
	switch grant {
	case "authorization_code":
		return []string{"grant_type", "code", "code_verifier", "client_id", "client_secret"}, true
	case "refresh_token":
		return []string{"grant_type", "refresh_token", "client_id", "client_secret"}, true
	}
	return nil, false
}

// JSONTokenRequests returns a RoundTripper that sends golang.org/x/oauth2's
// token requests to tokenURL as the JSON body Dialpad's spec documents
// (x/oauth2 only ever posts a form). Everything else passes through
// unchanged, and so do the answers, so x/oauth2 still reads tokens and
// errors (*oauth2.RetrieveError) itself. base nil means
// http.DefaultTransport.
func JSONTokenRequests(base http.RoundTripper, tokenURL string) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	u, err := url.Parse(tokenURL)
	if err != nil {
		u = &url.URL{}
	}
	return jsonTokenTransport{base: base, host: u.Host, path: u.Path}
}

type jsonTokenTransport struct {
	base       http.RoundTripper
	host, path string
}

func (t jsonTokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ct, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type"))
	if req.Method != http.MethodPost || req.URL.Host != t.host || req.URL.Path != t.path || ct != "application/x-www-form-urlencoded" {
		return t.base.RoundTrip(req)
	}
	body, err := tokenJSON(req)
	if err != nil {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, err
	}
	// A RoundTripper must not change the request it was given.
	out := req.Clone(req.Context())
	out.Header.Set("Content-Type", "application/json")
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return t.base.RoundTrip(out)
}

// tokenJSON reads the form x/oauth2 built and returns the JSON body with
// the fields Dialpad's schema names for its grant. The redirect_uri x/oauth2
// adds to a code exchange is left out: Dialpad's body has no such field. Any
// other unexpected field is an error rather than silently lost, so a change
// in x/oauth2 shows. Errors name fields, never values (they are secrets).
func tokenJSON(req *http.Request) ([]byte, error) {
	if req.Body == nil {
		return nil, fmt.Errorf("dialpad: token request without a body")
	}
	raw, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
	_ = req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("dialpad: reading the token request: %w", err)
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil, fmt.Errorf("dialpad: token request is not a form")
	}
	grant := form.Get("grant_type")
	fields, ok := tokenFields(grant)
	if !ok {
		return nil, fmt.Errorf("dialpad: token request with grant_type %q, which Dialpad does not document", grant)
	}
	form.Del("redirect_uri")
	body := make(map[string]string, len(form))
	for _, k := range fields {
		if v := form.Get(k); v != "" {
			body[k] = v
		}
		form.Del(k)
	}
	for k := range form {
		return nil, fmt.Errorf("dialpad: token request field %q is not in Dialpad's %s body", k, grant)
	}
	return json.Marshal(body)
}
