package emulator_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// TestOAuthTokenBodyIsJSONFromTheSpec posts token requests that differ from
// the spec's JSON bodies (a form, wrong types, missing or foreign fields):
// each is refused with an OAuth error, and the shapes the spec allows pass.
func TestOAuthTokenBodyIsJSONFromTheSpec(t *testing.T) {
	const app, secret = emulator.DefaultClientID, emulator.DefaultClientSecret
	tests := []struct {
		name        string
		contentType string
		body        func(code, refresh string) string // the code and a live refresh token to use
		user, pass  string                            // Basic auth; "" for none
		wantStatus  int
		wantError   string
	}{
		// What golang.org/x/oauth2 sends unless told otherwise.
		{"a form body", "application/x-www-form-urlencoded", func(code, _ string) string {
			return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "code_verifier": {pkceVerifier}}.Encode()
		}, app, secret, 400, "invalid_request"},
		{"a form refresh", "application/x-www-form-urlencoded", func(_, refresh string) string {
			return url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refresh}}.Encode()
		}, app, secret, 400, "invalid_request"},
		{"JSON sent as text/plain", "text/plain", func(code, _ string) string {
			return `{"grant_type":"authorization_code","code":"` + code + `","code_verifier":"` + pkceVerifier + `"}`
		}, app, secret, 400, "invalid_request"},
		{"not JSON", "application/json", func(string, string) string { return `grant_type=refresh_token` }, app, secret, 400, "invalid_request"},
		{"an array", "application/json", func(string, string) string { return `[{"grant_type":"refresh_token"}]` }, app, secret, 400, "invalid_request"},
		{"two objects", "application/json", func(_, refresh string) string {
			return `{"grant_type":"refresh_token","refresh_token":"` + refresh + `"}{}`
		}, app, secret, 400, "invalid_request"},

		{"no grant_type", "application/json", func(code, _ string) string { return `{"code":"` + code + `"}` }, app, secret, 400, "invalid_request"},
		{"grant_type null", "application/json", func(code, _ string) string { return `{"grant_type":null,"code":"` + code + `"}` }, app, secret, 400, "invalid_request"},
		{"grant_type a number", "application/json", func(code, _ string) string { return `{"grant_type":1,"code":"` + code + `"}` }, app, secret, 400, "invalid_request"},
		{"unknown grant_type", "application/json", func(code, _ string) string {
			return `{"grant_type":"client_credentials","code":"` + code + `"}`
		}, app, secret, 400, "unsupported_grant_type"},

		{"code missing", "application/json", func(string, string) string { return `{"grant_type":"authorization_code"}` }, app, secret, 400, "invalid_request"},
		{"code null", "application/json", func(string, string) string { return `{"grant_type":"authorization_code","code":null}` }, app, secret, 400, "invalid_request"},
		{"code empty", "application/json", func(string, string) string { return `{"grant_type":"authorization_code","code":""}` }, app, secret, 400, "invalid_request"},
		{"code a number", "application/json", func(string, string) string { return `{"grant_type":"authorization_code","code":123}` }, app, secret, 400, "invalid_request"},
		{"code_verifier an object", "application/json", func(code, _ string) string {
			return `{"grant_type":"authorization_code","code":"` + code + `","code_verifier":{"v":"` + pkceVerifier + `"}}`
		}, app, secret, 400, "invalid_request"},
		{"redirect_uri, which the spec's body lacks", "application/json", func(code, _ string) string {
			return `{"grant_type":"authorization_code","code":"` + code + `","code_verifier":"` + pkceVerifier + `","redirect_uri":"` + redirectURI + `"}`
		}, app, secret, 400, "invalid_request"},
		{"a refresh field in a code exchange", "application/json", func(code, refresh string) string {
			return `{"grant_type":"authorization_code","code":"` + code + `","code_verifier":"` + pkceVerifier + `","refresh_token":"` + refresh + `"}`
		}, app, secret, 400, "invalid_request"},

		{"refresh_token missing", "application/json", func(string, string) string { return `{"grant_type":"refresh_token"}` }, app, secret, 400, "invalid_request"},
		{"refresh_token a list", "application/json", func(_, refresh string) string {
			return `{"grant_type":"refresh_token","refresh_token":["` + refresh + `"]}`
		}, app, secret, 400, "invalid_request"},
		{"a code in a refresh", "application/json", func(code, refresh string) string {
			return `{"grant_type":"refresh_token","refresh_token":"` + refresh + `","code":"` + code + `"}`
		}, app, secret, 400, "invalid_request"},
		{"client_id a number", "application/json", func(_, refresh string) string {
			return `{"grant_type":"refresh_token","refresh_token":"` + refresh + `","client_id":7,"client_secret":"` + secret + `"}`
		}, "", "", 400, "invalid_request"},
		{"credentials in Basic auth and the body", "application/json", func(_, refresh string) string {
			return `{"grant_type":"refresh_token","refresh_token":"` + refresh + `","client_id":"` + app + `","client_secret":"` + secret + `"}`
		}, app, secret, 400, "invalid_request"},

		// What the spec allows.
		{"code exchange", "application/json", func(code, _ string) string {
			return `{"grant_type":"authorization_code","code":"` + code + `","code_verifier":"` + pkceVerifier + `"}`
		}, app, secret, 200, ""},
		{"charset parameter, credentials in the body", "application/json; charset=utf-8", func(code, _ string) string {
			return `{"grant_type":"authorization_code","code":"` + code + `","code_verifier":"` + pkceVerifier + `","client_id":"` + app + `","client_secret":"` + secret + `"}`
		}, "", "", 200, ""},
		{"refresh with null optional fields", "application/json", func(_, refresh string) string {
			return `{"grant_type":"refresh_token","refresh_token":"` + refresh + `","client_id":null,"client_secret":null}`
		}, app, secret, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			var first tokens
			f.decode(f.tokenAsApp(exchangeBody(f.code(emulator.AdminUserID))), &first)
			code := f.code(emulator.AdminUserID)

			r := f.postToken(tt.contentType, tt.body(code, first.RefreshToken), tt.user, tt.pass)
			if r.status != tt.wantStatus {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			var answer struct {
				Error       string `json:"error"`
				AccessToken string `json:"access_token"`
			}
			if err := json.Unmarshal(r.body, &answer); err != nil || answer.Error != tt.wantError {
				t.Fatalf("body = %s, want error %q", r.body, tt.wantError)
			}
			if tt.wantStatus == http.StatusOK && answer.AccessToken == "" {
				t.Fatalf("no access token: %s", r.body)
			}
			if strings.Contains(string(r.body), first.RefreshToken) || strings.Contains(string(r.body), secret) {
				t.Fatal("the answer echoes a secret")
			}
		})
	}
}

// TestOAuthTokenCountsRequests: tests count refreshes with TokenRequests,
// refused requests included.
func TestOAuthTokenCountsRequests(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	var tok tokens
	f.decode(f.tokenAsApp(exchangeBody(f.code(emulator.AdminUserID))), &tok)
	f.postToken("application/x-www-form-urlencoded", "grant_type=refresh_token", emulator.DefaultClientID, emulator.DefaultClientSecret)
	f.decode(f.tokenAsApp(map[string]any{"grant_type": "refresh_token", "refresh_token": tok.RefreshToken}), &tok)
	if got, want := strings.Join(f.emu.TokenRequests(), ","), "authorization_code,,refresh_token"; got != want {
		t.Errorf("TokenRequests = %q, want %q", got, want)
	}
}
