package emulator_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

const redirectURI = "https://switchboard.example/auth/callback"

// A PKCE verifier and its S256 challenge (computed independently, with Python).
const (
	pkceVerifier  = "dBjftJeZ4CVP-mJ92IZPH6T_z-HR5JwKxY3FaUhNDE8"
	pkceChallenge = "Dcg78z7GsWe7jmfCksvg4To0kQ1wukjD-fuyptiNGZM"
)

func authorizeQuery(extra url.Values) url.Values {
	q := url.Values{
		"client_id":             {emulator.DefaultClientID},
		"redirect_uri":          {redirectURI},
		"response_type":         {"code"},
		"state":                 {"st-123"},
		"code_challenge":        {pkceChallenge},
		"code_challenge_method": {"S256"},
	}
	for k, v := range extra {
		q[k] = v
	}
	return q
}

// postForm posts a form, without following redirects.
func (f *fixture) postForm(p string, form url.Values, basicUser, basicPass string) response {
	f.t.Helper()
	req, err := http.NewRequest("POST", f.srv.URL+p, strings.NewReader(form.Encode()))
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basicUser != "" {
		req.SetBasicAuth(basicUser, basicPass)
	}
	return f.send(req)
}

// consent submits the consent form as the given user and returns the
// redirect back to the app.
func (f *fixture) consent(q url.Values, decision string, user dialpad.ID) *url.URL {
	f.t.Helper()
	form := url.Values{}
	for k, v := range q {
		form[k] = v
	}
	form.Set("decision", decision)
	form.Set("user_id", user.String())
	r := f.postForm("/oauth2/authorize", form, "", "")
	if r.status != http.StatusSeeOther {
		f.t.Fatalf("consent: status %d: %s", r.status, r.body)
	}
	loc, err := url.Parse(r.header.Get("Location"))
	if err != nil {
		f.t.Fatal(err)
	}
	return loc
}

// code runs the consent step and returns the authorization code.
func (f *fixture) code(user dialpad.ID) string {
	f.t.Helper()
	loc := f.consent(authorizeQuery(nil), "allow", user)
	if loc.Query().Get("state") != "st-123" {
		f.t.Fatalf("state not echoed: %s", loc)
	}
	return loc.Query().Get("code")
}

type tokens struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int64  `json:"expires_in"`
	IDToken      string `json:"id_token"`
}

// postToken posts a token request body as it is, with contentType.
func (f *fixture) postToken(contentType, body, basicUser, basicPass string) response {
	f.t.Helper()
	req, err := http.NewRequest("POST", f.srv.URL+"/oauth2/token", strings.NewReader(body))
	if err != nil {
		f.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if basicUser != "" {
		req.SetBasicAuth(basicUser, basicPass)
	}
	return f.send(req)
}

// token posts body as the JSON the spec documents.
func (f *fixture) token(body map[string]any, basicUser, basicPass string) response {
	f.t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		f.t.Fatal(err)
	}
	return f.postToken("application/json", string(raw), basicUser, basicPass)
}

// tokenAsApp posts body with the app's credentials in Basic auth.
func (f *fixture) tokenAsApp(body map[string]any) response {
	f.t.Helper()
	return f.token(body, emulator.DefaultClientID, emulator.DefaultClientSecret)
}

func exchangeBody(code string) map[string]any {
	return map[string]any{
		"grant_type":    "authorization_code",
		"code":          code,
		"code_verifier": pkceVerifier,
	}
}

func TestOAuthCodeFlowWithPKCE(t *testing.T) {
	f := newFixture(t, emulator.Options{TokenTTL: 30 * time.Minute})

	page := f.do("GET", "/oauth2/authorize?"+authorizeQuery(nil).Encode(), "", nil)
	if page.status != http.StatusOK {
		t.Fatalf("authorize page: %d %s", page.status, page.body)
	}
	html := string(page.body)
	for _, want := range []string{
		"<title>Dialpad (emulator) — Authorize Switchboard</title>",
		`data-testid="consent-user-` + emulator.AdminUserID.String() + `"`,
		`data-testid="consent-user-` + emulator.ManagerUserID.String() + `"`,
		`data-testid="consent-allow"`, `data-testid="consent-deny"`,
		"dana.whitfield@acme-logistics.com", "Company admin", "Manager (no admin rights)",
		`name="user_id"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("consent page lacks %s", want)
		}
	}

	code := f.code(emulator.SupportUserID)
	r := f.tokenAsApp(exchangeBody(code))
	var tok tokens
	f.decode(r, &tok)
	if tok.AccessToken == "" || tok.RefreshToken == "" || tok.TokenType != "bearer" || tok.ExpiresIn != 1800 || tok.IDToken != "" {
		t.Fatalf("token response = %+v", tok)
	}
	if cc := r.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control = %q", cc)
	}

	var me dialpad.User
	f.decode(f.do("GET", "/api/v2/users/me", tok.AccessToken, nil), &me)
	if me.ID != emulator.SupportUserID {
		t.Fatalf("users/me = %d, want the support user", me.ID)
	}
}

func TestOAuthTokenCredentialsInBodyAndPlainPKCE(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	loc := f.consent(authorizeQuery(url.Values{"code_challenge": {"plain-verifier-0123456789-0123456789-0123"}, "code_challenge_method": {"plain"}}),
		"allow", emulator.AdminUserID)
	body := map[string]any{
		"grant_type":    "authorization_code",
		"code":          loc.Query().Get("code"),
		"code_verifier": "plain-verifier-0123456789-0123456789-0123",
		"client_id":     emulator.DefaultClientID,
		"client_secret": emulator.DefaultClientSecret,
	}
	var tok tokens
	f.decode(f.token(body, "", ""), &tok)
	if tok.AccessToken == "" {
		t.Fatal("no access token")
	}
}

func TestOAuthTokenErrors(t *testing.T) {
	tests := []struct {
		name       string
		change     func(f *fixture, body map[string]any) (user, pass string)
		wantStatus int
		wantError  string
	}{
		{"wrong verifier", func(f *fixture, body map[string]any) (string, string) {
			body["code_verifier"] = strings.Repeat("x", 43)
			return emulator.DefaultClientID, emulator.DefaultClientSecret
		}, 400, "invalid_grant"},
		{"missing verifier", func(f *fixture, body map[string]any) (string, string) {
			delete(body, "code_verifier")
			return emulator.DefaultClientID, emulator.DefaultClientSecret
		}, 400, "invalid_grant"},
		{"reused code", func(f *fixture, body map[string]any) (string, string) {
			first := f.tokenAsApp(body)
			if first.status != 200 {
				f.t.Fatalf("first exchange: %d %s", first.status, first.body)
			}
			return emulator.DefaultClientID, emulator.DefaultClientSecret
		}, 400, "invalid_grant"},
		{"expired code", func(f *fixture, body map[string]any) (string, string) {
			f.clock.Advance(61 * time.Second)
			return emulator.DefaultClientID, emulator.DefaultClientSecret
		}, 400, "invalid_grant"},
		{"unknown code", func(f *fixture, body map[string]any) (string, string) {
			body["code"] = "not-a-code"
			return emulator.DefaultClientID, emulator.DefaultClientSecret
		}, 400, "invalid_grant"},
		{"wrong secret", func(f *fixture, body map[string]any) (string, string) {
			return emulator.DefaultClientID, "not-the-secret"
		}, 401, "invalid_client"},
		{"wrong client id", func(f *fixture, body map[string]any) (string, string) {
			return "someone-else", emulator.DefaultClientSecret
		}, 401, "invalid_client"},
		{"unsupported grant", func(f *fixture, body map[string]any) (string, string) {
			body["grant_type"] = "password"
			return emulator.DefaultClientID, emulator.DefaultClientSecret
		}, 400, "unsupported_grant_type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			body := exchangeBody(f.code(emulator.AdminUserID))
			user, pass := tt.change(f, body)
			r := f.token(body, user, pass)
			if r.status != tt.wantStatus {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			var answer struct{ Error, ErrorDescription string }
			if err := json.Unmarshal(r.body, &answer); err != nil || answer.Error != tt.wantError {
				t.Fatalf("body = %s, want error %q", r.body, tt.wantError)
			}
			if strings.Contains(string(r.body), emulator.DefaultClientSecret) {
				t.Fatal("error body echoes the client secret")
			}
		})
	}
}

func TestOAuthReusedCodeRevokesItsTokens(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	body := exchangeBody(f.code(emulator.AdminUserID))
	var tok tokens
	f.decode(f.tokenAsApp(body), &tok)
	if r := f.tokenAsApp(body); r.status != 400 {
		t.Fatalf("replay status = %d", r.status)
	}
	if r := f.do("GET", "/api/v2/users/me", tok.AccessToken, nil); r.status != 401 {
		t.Fatalf("token bought by a replayed code still works: %d", r.status)
	}
}

func TestOAuthRefreshRotatesTokens(t *testing.T) {
	f := newFixture(t, emulator.Options{TokenTTL: time.Hour})
	var first tokens
	f.decode(f.tokenAsApp(exchangeBody(f.code(emulator.AdminUserID))), &first)

	f.clock.Advance(2 * time.Hour)
	if r := f.do("GET", "/api/v2/users/me", first.AccessToken, nil); r.status != 401 {
		t.Fatalf("expired token: status %d", r.status)
	}

	refresh := map[string]any{"grant_type": "refresh_token", "refresh_token": first.RefreshToken,
		"client_id": emulator.DefaultClientID, "client_secret": emulator.DefaultClientSecret}
	var second tokens
	f.decode(f.token(refresh, "", ""), &second)
	if second.AccessToken == first.AccessToken || second.RefreshToken == first.RefreshToken || second.ExpiresIn != 3600 {
		t.Fatalf("refresh did not rotate: %+v", second)
	}
	var me dialpad.User
	f.decode(f.do("GET", "/api/v2/users/me", second.AccessToken, nil), &me)
	if me.ID != emulator.AdminUserID {
		t.Fatalf("refreshed token belongs to %d", me.ID)
	}
	if r := f.token(refresh, "", ""); r.status != 400 || !strings.Contains(string(r.body), "invalid_grant") {
		t.Fatalf("old refresh token still works: %d %s", r.status, r.body)
	}
}

func TestOAuthDeauthorizeRevokes(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	var tok tokens
	f.decode(f.tokenAsApp(exchangeBody(f.code(emulator.AdminUserID))), &tok)

	if r := f.do("POST", "/oauth2/deauthorize", tok.AccessToken, nil); r.status != http.StatusNoContent {
		t.Fatalf("deauthorize: %d %s", r.status, r.body)
	}
	if r := f.do("GET", "/api/v2/users/me", tok.AccessToken, nil); r.status != 401 {
		t.Fatalf("revoked access token: status %d", r.status)
	}
	refresh := map[string]any{"grant_type": "refresh_token", "refresh_token": tok.RefreshToken}
	if r := f.tokenAsApp(refresh); r.status != 400 {
		t.Fatalf("revoked refresh token: status %d", r.status)
	}
	if r := f.do("POST", "/oauth2/deauthorize", tok.AccessToken, nil); r.status != 401 {
		t.Fatalf("second deauthorize: status %d", r.status)
	}
}

func TestOAuthAuthorizeDenyAndBadRequests(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	loc := f.consent(authorizeQuery(nil), "deny", emulator.AdminUserID)
	if loc.Query().Get("error") != "access_denied" || loc.Query().Get("state") != "st-123" || loc.Query().Get("code") != "" {
		t.Fatalf("deny redirect = %s", loc)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != redirectURI {
		t.Fatalf("deny went to %s", got)
	}

	tests := []struct {
		name         string
		q            url.Values
		wantStatus   int
		wantRedirect string // error= on the redirect; "" means a page
	}{
		{"unknown client", authorizeQuery(url.Values{"client_id": {"nope"}}), 400, ""},
		{"relative redirect", authorizeQuery(url.Values{"redirect_uri": {"/callback"}}), 400, ""},
		{"javascript redirect", authorizeQuery(url.Values{"redirect_uri": {"javascript:alert(1)"}}), 400, ""},
		{"implicit flow", authorizeQuery(url.Values{"response_type": {"token"}}), 303, "unsupported_response_type"},
		{"bad PKCE method", authorizeQuery(url.Values{"code_challenge_method": {"S512"}}), 303, "invalid_request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.do("GET", "/oauth2/authorize?"+tt.q.Encode(), "", nil)
			if r.status != tt.wantStatus {
				t.Fatalf("status = %d, want %d: %s", r.status, tt.wantStatus, r.body)
			}
			if tt.wantRedirect == "" {
				if !strings.Contains(string(r.body), `data-testid="authorize-error"`) {
					t.Fatalf("no error page: %s", r.body)
				}
				return
			}
			loc, _ := url.Parse(r.header.Get("Location"))
			if loc.Query().Get("error") != tt.wantRedirect || loc.Query().Get("state") != "st-123" {
				t.Fatalf("redirect = %s", loc)
			}
		})
	}

	// Allow without picking a user re-renders the page with an error.
	form := authorizeQuery(nil)
	form.Set("decision", "allow")
	if r := f.postForm("/oauth2/authorize", form, "", ""); r.status != 400 || !strings.Contains(string(r.body), `data-testid="consent-error"`) {
		t.Fatalf("allow without user: %d %s", r.status, r.body)
	}
}

func TestPKCEChallengeIsS256OfVerifier(t *testing.T) {
	// Guards the test vector the flow tests rely on.
	sum := sha256.Sum256([]byte(pkceVerifier))
	if got := base64.RawURLEncoding.EncodeToString(sum[:]); got != pkceChallenge {
		t.Fatalf("challenge = %s", got)
	}
}
