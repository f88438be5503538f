package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

func TestHealthz(t *testing.T) {
	st := webtest.Start(t)
	res := st.NewBrowser(t).Get("/healthz")
	wantStatus(t, res, http.StatusOK)
	if res.Body != "ok" {
		t.Errorf("healthz body = %q, want ok", res.Body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	st := webtest.Start(t)
	res := st.NewBrowser(t).Get("/signed-out")
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"X-Frame-Options":        "DENY",
		"Referrer-Policy":        "same-origin",
	}
	for k, v := range want {
		if got := res.Header.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
}

func TestCrossOriginPostsAreRefused(t *testing.T) {
	st := webtest.Start(t)
	b := st.LoginAs(t, emulator.AdminUserID)
	tests := []struct {
		name    string
		headers map[string]string
	}{
		{"fetch metadata says cross-site", map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}},
		{"origin of another site", map[string]string{"Origin": "https://evil.example"}},
		{"sibling port", map[string]string{"Origin": "http://127.0.0.1:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, st.URL+"/logout", strings.NewReader(""))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			res := b.Do(req)
			wantStatus(t, res, http.StatusForbidden)
			wantStatus(t, b.Get("/"), http.StatusOK) // still signed in
		})
	}
	// The same post from the console's own page works.
	wantStatus(t, b.PostForm("/logout", url.Values{}), http.StatusSeeOther)
	wantStatus(t, b.Get("/"), http.StatusSeeOther)
}

// TestTokensNeverReachPagesOrLogs walks the console through sign-in, every
// first page, failures (a retried read; a Dialpad message that echoes the
// credential it was sent), a token refresh and sign-out, then looks for
// every token, code, PKCE verifier and the client secret in what the
// console answered (bodies, headers, cookies) and in everything it logged,
// the Dialpad client's own retry lines included.
func TestTokensNeverReachPagesOrLogs(t *testing.T) {
	st := webtest.Start(t, webtest.WithEmulator(emulator.Options{TokenTTL: time.Minute}))
	b := st.LoginAs(t, emulator.AdminUserID)
	for _, p := range []string{"/", "/callcenters", "/departments", "/routers", "/hours", "/no-such-page"} {
		b.Get(p)
	}
	access := st.Tokens()[0]

	clear := st.Emulator.InjectFault(emulator.Fault{Method: http.MethodGet, Path: "/api/v2/callrouters",
		Status: http.StatusServiceUnavailable, Message: "upstream rejected Bearer " + access})
	// ?refresh=1: past the read cache, which holds the pages just seen.
	wantStatus(t, b.Get("/routers?refresh=1"), http.StatusBadGateway)
	clear()
	if !strings.Contains(st.Logs(), "dialpad retry") {
		t.Fatalf("the Dialpad client's retries are not in the console's log:\n%s", st.Logs())
	}
	clear = st.Emulator.InjectFault(emulator.Fault{Method: http.MethodGet, Path: "/api/v2/callcenters",
		Status: http.StatusBadRequest, Message: "token " + access + " is malformed"})
	res := b.Get("/callcenters?refresh=1")
	clear()
	if !strings.Contains(res.Body, "[redacted]") {
		t.Errorf("the echoed credential is not redacted on the page:\n%s", res.Body)
	}

	st.Clock.Advance(2 * time.Minute) // a refresh too
	b.Get("/callcenters")
	b.HTMX(http.MethodGet, "/callcenters", url.Values{"q": {"a"}})
	b.PostForm("/logout", nil)

	tokens := st.Tokens()
	if len(tokens) < 3 {
		t.Fatalf("saw %d tokens, want at least an access, a refresh and a refreshed access token", len(tokens))
	}
	secrets := append(st.Secrets(), emulator.DefaultClientSecret)
	if len(secrets) < len(tokens)+3 {
		t.Fatalf("saw %d secrets besides the tokens, want a code, a PKCE verifier and the client secret", len(secrets)-len(tokens))
	}
	logs := st.Logs()
	for i, secret := range secrets {
		for _, res := range b.Responses() {
			if res.URL.Host != strings.TrimPrefix(st.URL, "http://") {
				continue // Dialpad's own answers (the consent redirect carries the code)
			}
			if strings.Contains(res.Body, secret) {
				t.Errorf("%s: body contains secret #%d", res.URL, i)
			}
			for k, vs := range res.Header {
				for _, v := range vs {
					if strings.Contains(v, secret) {
						t.Errorf("%s: header %s contains secret #%d", res.URL, k, i)
					}
				}
			}
		}
		if strings.Contains(logs, secret) {
			t.Errorf("log contains secret #%d", i)
		}
		for _, c := range b.Cookies() {
			if strings.Contains(c.Value, secret) {
				t.Errorf("cookie %s holds secret #%d", c.Name, i)
			}
		}
	}
}

func TestRequestLog(t *testing.T) {
	st := webtest.Start(t)
	b := st.LoginAs(t, emulator.AdminUserID)
	b.Get("/routers?office_id=42")

	lines := strings.Split(st.Logs(), "\n")
	var callback, routers string
	for _, l := range lines {
		if !strings.Contains(l, "msg=request ") {
			continue
		}
		switch {
		case strings.Contains(l, "path=/auth/callback "):
			callback = l
		case strings.Contains(l, "path=/routers "):
			routers = l
		}
	}
	if callback == "" || routers == "" {
		t.Fatalf("missing request lines for the callback or /routers:\n%s", st.Logs())
	}
	if strings.Contains(callback, "code=") || strings.Contains(callback, "state=") || strings.Contains(routers, "office_id") {
		t.Errorf("request lines carry query strings:\n%s\n%s", callback, routers)
	}
	for _, want := range []string{"method=GET", "status=200", "duration=", "user_id=" + emulator.AdminUserID.String()} {
		if !strings.Contains(routers, want) {
			t.Errorf("request line lacks %q: %s", want, routers)
		}
	}
}

func TestSignedOutRequests(t *testing.T) {
	st := webtest.Start(t)
	b := st.NewBrowser(t)

	// htmx cannot follow a 303 into a full page; it is told where to go.
	b.Get("/signed-out") // the page the person is on
	res := b.HTMX(http.MethodGet, "/callcenters", url.Values{"q": {"x"}})
	wantStatus(t, res, http.StatusUnauthorized)
	if got, want := res.Header.Get("HX-Redirect"), "/login?next=%2Fsigned-out"; got != want {
		t.Errorf("HX-Redirect = %q, want %q", got, want)
	}

	// A boosted sign-in link cannot follow a redirect to Dialpad by XHR.
	res = b.HTMX(http.MethodGet, "/login", nil)
	if got := res.Header.Get("HX-Redirect"); !strings.HasPrefix(got, st.EmulatorURL+"/oauth2/authorize?") {
		t.Errorf("htmx /login HX-Redirect = %q, want Dialpad's authorize URL", got)
	}

}

func TestAssetsStayCacheable(t *testing.T) {
	st := webtest.Start(t)
	b := st.LoginAs(t, emulator.AdminUserID)
	page := b.Get("/")
	m := regexp.MustCompile(`href="(/static/css/app\.[0-9a-f]+\.css)"`).FindStringSubmatch(page.Body)
	if m == nil {
		t.Fatalf("page links no hashed stylesheet:\n%s", page.Body)
	}
	icon := regexp.MustCompile(`rel="icon" type="image/svg\+xml" href="(/static/img/icon\.[0-9a-f]+\.svg)"`).FindStringSubmatch(page.Body)
	if icon == nil {
		t.Fatalf("page links no hashed icon (browsers would ask for /favicon.ico on every page):\n%s", page.Body)
	}
	if ct := b.Get(icon[1]).Header.Get("Content-Type"); ct != "image/svg+xml" {
		t.Errorf("icon Content-Type %q", ct)
	}
	for _, p := range []string{m[1], icon[1], "/healthz"} {
		res := b.Get(p) // with the session cookie
		wantStatus(t, res, http.StatusOK)
		if res.Header.Get("Set-Cookie") != "" || strings.Contains(strings.Join(res.Header["Cache-Control"], ","), "no-cache") {
			t.Errorf("%s: Set-Cookie %q, Cache-Control %q: a session must not touch it", p, res.Header.Get("Set-Cookie"), res.Header["Cache-Control"])
		}
	}
}

func TestTokenRefresh(t *testing.T) {
	st := webtest.Start(t, webtest.WithEmulator(emulator.Options{TokenTTL: 5 * time.Minute}))
	b := st.LoginAs(t, emulator.AdminUserID)
	wantStatus(t, b.Get("/callcenters"), http.StatusOK)
	first := st.Tokens()[0]

	st.Clock.Advance(6 * time.Minute)
	if got := apiStatus(t, st, first); got != http.StatusUnauthorized {
		t.Fatalf("the first token still works after its lifetime (%d); the test proves nothing", got)
	}
	res := b.Get("/callcenters")
	wantStatus(t, res, http.StatusOK)
	if !strings.Contains(res.Body, `data-testid="callcenter-row"`) {
		t.Fatalf("call centers page after refresh shows no rows:\n%s", res.Body)
	}
	// The refreshed token went back into the session: the next page uses it
	// without another refresh.
	wantStatus(t, b.Get("/routers"), http.StatusOK)
	if got, want := strings.Join(st.TokenGrants(), ","), "authorization_code,refresh_token"; got != want {
		t.Errorf("token requests = %s, want %s", got, want)
	}
}

func TestRefreshRefused(t *testing.T) {
	tests := []struct {
		name       string
		status     int
		wantStatus int
		signedOut  bool
	}{
		{"grant revoked", http.StatusBadRequest, http.StatusSeeOther, true},
		{"client no longer valid", http.StatusUnauthorized, http.StatusSeeOther, true},
		{"Dialpad down", http.StatusServiceUnavailable, http.StatusBadGateway, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := webtest.Start(t, webtest.WithEmulator(emulator.Options{TokenTTL: 5 * time.Minute}))
			b := st.LoginAs(t, emulator.AdminUserID)
			st.Clock.Advance(6 * time.Minute)
			clear := st.Emulator.InjectFault(emulator.Fault{Method: http.MethodPost, Path: "/oauth2/token", Status: tt.status, Message: "nope"})
			res := b.Get("/routers")
			clear()
			wantStatus(t, res, tt.wantStatus)
			if tt.signedOut {
				wantLocation(t, res, "/login?next=%2Frouters")
				wantStatus(t, b.Get("/routers"), http.StatusSeeOther) // the session is gone for good
				return
			}
			wantStatus(t, b.Get("/routers"), http.StatusOK) // the session survived; this time the refresh works
		})
	}
}
