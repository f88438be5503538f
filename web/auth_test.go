package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// displayName is the name the emulator seeds for user id.
func displayName(t *testing.T, st *webtest.Stack, id dialpad.ID) string {
	t.Helper()
	for _, p := range st.Emulator.Personas() {
		if p.User.ID == id {
			return p.User.DisplayName
		}
	}
	t.Fatalf("emulator has no user %s", id)
	return ""
}

func wantStatus(t *testing.T, res *webtest.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s answered %d, want %d:\n%s", res.URL, res.StatusCode, want, res.Body)
	}
}

func wantLocation(t *testing.T, res *webtest.Response, want string) {
	t.Helper()
	if got := res.Header.Get("Location"); got != want {
		t.Fatalf("%s redirected to %q, want %q", res.URL, got, want)
	}
}

func TestLoginFlow(t *testing.T) {
	st := webtest.Start(t)
	b := st.NewBrowser(t)

	// A page without a session sends the person to sign in, remembering it.
	res := b.Get("/callcenters?q=support")
	wantStatus(t, res, http.StatusSeeOther)
	wantLocation(t, res, "/login?next="+url.QueryEscape("/callcenters?q=support"))

	// /login hands over to Dialpad with state and PKCE.
	res = b.Get(res.Location())
	wantStatus(t, res, http.StatusSeeOther)
	auth, err := url.Parse(res.Location())
	if err != nil {
		t.Fatal(err)
	}
	q := auth.Query()
	if got := auth.Scheme + "://" + auth.Host + auth.Path; got != st.EmulatorURL+"/oauth2/authorize" {
		t.Errorf("authorize URL = %s, want the emulator's /oauth2/authorize", got)
	}
	checks := map[string]string{
		"client_id":             emulator.DefaultClientID,
		"redirect_uri":          st.URL + "/auth/callback",
		"response_type":         "code",
		"code_challenge_method": "S256",
	}
	for k, want := range checks {
		if got := q.Get(k); got != want {
			t.Errorf("authorize %s = %q, want %q", k, got, want)
		}
	}
	if len(q.Get("state")) < 43 || len(q.Get("code_challenge")) != 43 {
		t.Errorf("state %q / code_challenge %q: want 32 random bytes and a S256 challenge", q.Get("state"), q.Get("code_challenge"))
	}

	// Consent as the admin; the callback starts the session and goes back.
	res = b.Consent(res, emulator.AdminUserID, true)
	if !strings.HasPrefix(res.Location(), st.URL+"/auth/callback?") {
		t.Fatalf("consent redirected to %q, want the console's callback", res.Location())
	}
	res = b.Get(res.Location())
	wantStatus(t, res, http.StatusSeeOther)
	wantLocation(t, res, "/callcenters?q=support")

	name := displayName(t, st, emulator.AdminUserID)
	res = b.Get("/")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, name) || !strings.Contains(res.Body, `data-testid="logout"`) {
		t.Fatalf("signed-in page lacks the user's name %q or a logout button:\n%s", name, res.Body)
	}
	token := st.Tokens()[0]

	// Logging out ends the session here and revokes the token at Dialpad.
	res = b.PostForm("/logout", nil)
	wantStatus(t, res, http.StatusSeeOther)
	wantLocation(t, res, "/signed-out")
	res = b.Get(res.Location())
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, "You are signed out") || !strings.Contains(res.Body, `href="/login"`) {
		t.Errorf("signed-out page lacks its message or sign-in link:\n%s", res.Body)
	}
	// Signing out is not a failure: no error box, no status number.
	if strings.Contains(res.Body, `data-testid="error"`) || strings.Contains(res.Body, "error-status") || !strings.Contains(res.Body, `data-testid="sign-in-again"`) {
		t.Errorf("signed-out page looks like an error page:\n%s", res.Body)
	}
	res = b.Get("/")
	wantStatus(t, res, http.StatusSeeOther)
	wantLocation(t, res, "/login?next=%2F")
	if got := apiStatus(t, st, token); got != http.StatusUnauthorized {
		t.Errorf("Dialpad answered %d to the old token after logout, want 401 (deauthorized)", got)
	}
}

// apiStatus calls the emulator's /users/me with token.
func apiStatus(t *testing.T, st *webtest.Stack, token string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, st.EmulatorURL+"/api/v2/users/me", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestLoginNext(t *testing.T) {
	st := webtest.Start(t)
	tests := []struct {
		next string
		want string
	}{
		{"/routers?office_id=1", "/routers?office_id=1"},
		{"", "/"},
		{"//evil.example/steal", "/"},
		{"https://evil.example/", "/"},
		{`/\evil.example`, "/"},
		{"/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"}, // stays escaped: a path, not a header
		{"javascript:alert(1)", "/"},
		{"/\r\nX-Evil: 1", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.next, func(t *testing.T) {
			b := st.NewBrowser(t)
			res := b.Get("/login?next=" + url.QueryEscape(tt.next))
			res = b.Consent(res, emulator.ManagerUserID, true)
			res = b.Get(res.Location())
			wantStatus(t, res, http.StatusSeeOther)
			wantLocation(t, res, tt.want)
		})
	}
}

func TestCallbackRefusesBadState(t *testing.T) {
	st := webtest.Start(t)
	tests := []struct {
		name     string
		callback func(t *testing.T, b *webtest.Browser) string
	}{
		{"no sign-in pending", func(t *testing.T, b *webtest.Browser) string {
			return "/auth/callback?code=abc&state=xyz"
		}},
		{"state altered", func(t *testing.T, b *webtest.Browser) string {
			res := b.Consent(b.Get("/login"), emulator.AdminUserID, true)
			u, _ := url.Parse(res.Location())
			q := u.Query()
			q.Set("state", q.Get("state")+"x")
			u.RawQuery = q.Encode()
			return u.String()
		}},
		{"state missing", func(t *testing.T, b *webtest.Browser) string {
			res := b.Consent(b.Get("/login"), emulator.AdminUserID, true)
			u, _ := url.Parse(res.Location())
			q := u.Query()
			q.Del("state")
			u.RawQuery = q.Encode()
			return u.String()
		}},
		{"link used twice", func(t *testing.T, b *webtest.Browser) string {
			res := b.Consent(b.Get("/login"), emulator.AdminUserID, true)
			wantStatus(t, b.Get(res.Location()), http.StatusSeeOther)
			return res.Location()
		}},
		{"started in another browser", func(t *testing.T, b *webtest.Browser) string {
			other := st.NewBrowser(t)
			return other.Consent(other.Get("/login"), emulator.AdminUserID, true).Location()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := st.NewBrowser(t)
			res := b.Get(tt.callback(t, b))
			wantStatus(t, res, http.StatusBadRequest)
			for _, want := range []string{"This sign-in link has expired or was already used", `href="/login"`} {
				if !strings.Contains(res.Body, want) {
					t.Errorf("page lacks %q:\n%s", want, res.Body)
				}
			}
			if tt.name != "link used twice" {
				wantStatus(t, b.Get("/"), http.StatusSeeOther) // still signed out
			}
		})
	}
}

func TestDeniedConsent(t *testing.T) {
	st := webtest.Start(t)
	b := st.NewBrowser(t)
	res := b.Consent(b.Get("/login?next=%2Frouters"), emulator.AdminUserID, false)
	if u, _ := url.Parse(res.Location()); u == nil || u.Query().Get("error") != "access_denied" {
		t.Fatalf("deny redirected to %q, want error=access_denied", res.Location())
	}
	res = b.Get(res.Location())
	wantStatus(t, res, http.StatusForbidden)
	for _, want := range []string{"You declined access", `href="/login?next=%2Frouters"`, "Try again"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("page lacks %q:\n%s", want, res.Body)
		}
	}
	wantStatus(t, b.Get("/"), http.StatusSeeOther)
}

// TestSignInRateLimited: the code is spent by the time the console asks
// Dialpad who signed in, so a short 429 (colleagues keeping the company at
// its limit) is waited out once; a long one is explained, not a 500.
func TestSignInRateLimited(t *testing.T) {
	tests := []struct {
		name       string
		retryAfter time.Duration
		wantStatus int
		wantText   string
	}{
		{"short wait", time.Second, http.StatusSeeOther, ""},
		{"long wait", time.Minute, http.StatusTooManyRequests, "try again in 60 seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t)
			st.Emulator.InjectFault(emulator.Fault{Method: http.MethodGet, Path: "/api/v2/users/me",
				Status: http.StatusTooManyRequests, RetryAfter: tt.retryAfter, Times: 1})
			b := st.NewBrowser(t)
			res := b.Get(b.Consent(b.Get("/login"), emulator.AdminUserID, true).Location())
			wantStatus(t, res, tt.wantStatus)
			if tt.wantStatus == http.StatusSeeOther {
				wantStatus(t, b.Get("/"), http.StatusOK)
				return
			}
			if !strings.Contains(res.Body, tt.wantText) {
				t.Errorf("page lacks %q:\n%s", tt.wantText, res.Body)
			}
			wantStatus(t, b.Get("/"), http.StatusSeeOther) // not signed in
		})
	}
}

func TestSessionCookie(t *testing.T) {
	st := webtest.Start(t)
	b := st.NewBrowser(t)
	session := func(res *webtest.Response) *http.Cookie {
		t.Helper()
		for _, k := range res.Cookies() {
			if k.Name == "switchboard_session" {
				return k
			}
		}
		t.Fatalf("%s set no switchboard_session cookie: %v", res.URL, res.Header["Set-Cookie"])
		return nil
	}
	login := b.Get("/login")
	before := session(login) // holds the pending sign-in
	res := b.Get(b.Consent(login, emulator.AdminUserID, true).Location())
	c := session(res)
	// A new session token at sign-in: a token planted before it (session
	// fixation) is worth nothing afterwards.
	if c.Value == before.Value {
		t.Error("the session token did not change at sign-in")
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/" || c.Secure {
		t.Errorf("cookie HttpOnly=%v SameSite=%v Path=%q Secure=%v; want HttpOnly, Lax, /, not Secure over http",
			c.HttpOnly, c.SameSite, c.Path, c.Secure)
	}
	if max := 12 * time.Hour; time.Duration(c.MaxAge)*time.Second > max+time.Second {
		t.Errorf("cookie lives %ds, want at most 12h", c.MaxAge)
	}
}

func TestSessionCookieSecureOverHTTPS(t *testing.T) {
	st := webtest.Start(t, webtest.WithConfig(func(c *web.Config) { c.PublicURL = "https://switchboard.example.com" }))
	res := st.NewBrowser(t).Get("/login")
	wantStatus(t, res, http.StatusSeeOther)
	cookies := res.Cookies()
	if len(cookies) != 1 || !cookies[0].Secure || !cookies[0].HttpOnly {
		t.Fatalf("with an https public URL the session cookie must be Secure and HttpOnly: %v", res.Header["Set-Cookie"])
	}
	if res.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no Strict-Transport-Security header behind an https public URL")
	}
}
