package webtest

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Browser is an HTTP client with a cookie jar that talks to the console
// (and, during sign-in, to the emulator) the way a browser without
// JavaScript would. Methods fail the test on transport errors.
type Browser struct {
	t      testing.TB
	base   *url.URL
	client *http.Client

	mu      sync.Mutex
	current string // last full page shown, for htmx's HX-Current-URL
	seen    []*Response
}

// Response is an answer with its body already read.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       string
	URL        *url.URL // what was requested
}

// Location is the redirect target resolved against the request URL, or "".
func (r *Response) Location() string {
	loc := r.Header.Get("Location")
	if loc == "" {
		return ""
	}
	u, err := r.URL.Parse(loc)
	if err != nil {
		return loc
	}
	return u.String()
}

// Cookies are the cookies the response set.
func (r *Response) Cookies() []*http.Cookie {
	return (&http.Response{Header: r.Header}).Cookies()
}

func newBrowser(t testing.TB, base string) *Browser {
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatalf("webtest: cookie jar: %v", err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("webtest: base URL: %v", err)
	}
	return &Browser{
		t:    t,
		base: u,
		client: &http.Client{
			Jar:     jar,
			Timeout: 30 * time.Second,
			CheckRedirect: func(*http.Request, []*http.Request) error {
				return http.ErrUseLastResponse
			},
		},
	}
}

// Get requests target: a path on the console or an absolute URL.
func (b *Browser) Get(target string) *Response {
	b.t.Helper()
	return b.Do(b.newRequest(http.MethodGet, target, nil))
}

// PostForm submits form to target as a same-origin browser form would.
func (b *Browser) PostForm(target string, form url.Values) *Response {
	b.t.Helper()
	return b.Do(b.newRequest(http.MethodPost, target, form))
}

// HTMX sends what htmx sends for an hx-get/hx-post/...: the HX-Request
// and HX-Current-URL headers, and form as the body (or the query for GET).
func (b *Browser) HTMX(method, target string, form url.Values) *Response {
	b.t.Helper()
	req := b.newRequest(method, target, form)
	req.Header.Set("HX-Request", "true")
	b.mu.Lock()
	current := b.current
	b.mu.Unlock()
	if current == "" {
		current = b.base.String() + "/"
	}
	req.Header.Set("HX-Current-URL", current)
	return b.Do(req)
}

// Follow walks redirects with GETs until an answer that is not one.
func (b *Browser) Follow(res *Response) *Response {
	b.t.Helper()
	for range 10 {
		if res.StatusCode < 300 || res.StatusCode > 399 || res.Location() == "" {
			return res
		}
		res = b.Get(res.Location())
	}
	b.t.Fatalf("webtest: more than 10 redirects, last to %s", res.Location())
	return nil
}

// Do sends req as is (plus the jar's cookies) and reads the answer.
func (b *Browser) Do(req *http.Request) *Response {
	b.t.Helper()
	res, err := b.client.Do(req)
	if err != nil {
		b.t.Fatalf("webtest: %s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.t.Fatalf("webtest: reading %s %s: %v", req.Method, req.URL, err)
	}
	r := &Response{StatusCode: res.StatusCode, Header: res.Header, Body: string(body), URL: req.URL}
	b.mu.Lock()
	b.seen = append(b.seen, r)
	if req.Method == http.MethodGet && req.Header.Get("HX-Request") == "" && res.StatusCode == http.StatusOK && req.URL.Host == b.base.Host {
		b.current = req.URL.String()
	}
	b.mu.Unlock()
	return r
}

// Responses returns every answer this browser received, oldest first, so
// tests can search all of them (for a leaked token, say).
func (b *Browser) Responses() []*Response {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.seen)
}

// Cookies returns the jar's cookies for the console.
func (b *Browser) Cookies() []*http.Cookie {
	return b.client.Jar.Cookies(b.base)
}

// newRequest builds a request for target with the headers a browser adds
// to same-origin navigations and form posts.
func (b *Browser) newRequest(method, target string, form url.Values) *http.Request {
	b.t.Helper()
	u, err := b.base.Parse(target)
	if err != nil {
		b.t.Fatalf("webtest: bad target %q: %v", target, err)
	}
	var body io.Reader
	if form != nil {
		if method == http.MethodGet || method == http.MethodHead {
			u.RawQuery = form.Encode()
		} else {
			body = strings.NewReader(form.Encode())
		}
	}
	req, err := http.NewRequest(method, u.String(), body)
	if err != nil {
		b.t.Fatalf("webtest: %s %s: %v", method, target, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if method != http.MethodGet && method != http.MethodHead {
		req.Header.Set("Origin", u.Scheme+"://"+u.Host)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	return req
}
