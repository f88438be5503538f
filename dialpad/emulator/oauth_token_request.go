package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"
)

// tokenRequest is a POST /oauth2/token body, checked against the spec's
// AuthorizationCodeGrantBodySchema or RefreshTokenGrantBodySchema (the
// request body is oneOf the two; grant_type tells which).
type tokenRequest struct {
	GrantType    string
	Code         string // authorization_code
	CodeVerifier string // authorization_code, optional
	RefreshToken string // refresh_token
	ClientID     string // optional: or HTTP Basic auth
	ClientSecret string // optional: or HTTP Basic auth
}

// grantFields are the fields of the grant's schema, required ones first.
// ok is false for a grant the spec does not name.
func grantFields(grant string) (required, optional []string, ok bool) {
	switch grant {
	case "authorization_code":
		return []string{"grant_type", "code"}, []string{"code_verifier", "client_id", "client_secret"}, true
	case "refresh_token":
		return []string{"grant_type", "refresh_token"}, []string{"client_id", "client_secret"}, true
	}
	return nil, nil, false
}

func invalidRequest(about string) *oauthError {
	return &oauthError{status: http.StatusBadRequest, code: "invalid_request", about: about}
}

// readTokenRequest reads and validates the body. The spec documents an
// application/json body only, so a form (what golang.org/x/oauth2 posts
// unless told otherwise) is refused. Where the spec is silent the
// stricter reading holds: fields the grant's schema does not list are
// refused (redirect_uri among them), and a required field that is null or
// empty counts as missing.
func readTokenRequest(r *http.Request) (tokenRequest, *oauthError) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" {
		return tokenRequest{}, invalidRequest("the body must be JSON (Content-Type: application/json)")
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return tokenRequest{}, invalidRequest("the body could not be read")
	}
	fields, oe := stringFields(raw)
	if oe != nil {
		return tokenRequest{}, oe
	}
	grant, given := fields["grant_type"]
	if !given || grant == "" {
		return tokenRequest{}, invalidRequest("grant_type is required")
	}
	required, optional, ok := grantFields(grant)
	if !ok {
		return tokenRequest{}, &oauthError{status: http.StatusBadRequest, code: "unsupported_grant_type",
			about: "grant_type must be authorization_code or refresh_token"}
	}
	for _, k := range slices.Sorted(maps.Keys(fields)) { // the same message every run
		if !slices.Contains(required, k) && !slices.Contains(optional, k) {
			return tokenRequest{}, invalidRequest(k + " is not a field of the " + grant + " grant")
		}
	}
	for _, k := range required {
		if fields[k] == "" {
			return tokenRequest{}, invalidRequest(k + " is required")
		}
	}
	return tokenRequest{
		GrantType:    grant,
		Code:         fields["code"],
		CodeVerifier: fields["code_verifier"],
		RefreshToken: fields["refresh_token"],
		ClientID:     fields["client_id"],
		ClientSecret: fields["client_secret"],
	}, nil
}

// stringFields decodes a JSON object whose values are all strings or null
// (every field of both schemas is a nullable string); null reads as absent.
func stringFields(raw []byte) (map[string]string, *oauthError) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, invalidRequest("the body must be a JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, invalidRequest("the body must be one JSON object")
	}
	fields := make(map[string]string, len(obj))
	for _, k := range slices.Sorted(maps.Keys(obj)) {
		v := obj[k]
		if string(v) == "null" {
			continue
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return nil, invalidRequest(k + " must be a string")
		}
		fields[k] = s
	}
	return fields, nil
}
