package dialpad

import (
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"
)

const (
	defaultTimeout      = 30 * time.Second
	defaultRetryBackoff = 200 * time.Millisecond
	userAgent           = "switchboard"
)

// Client calls Dialpad's API v2. It is safe for concurrent use; build one per
// logged-in person (its token source) and share the limiter per company.
type Client struct {
	baseURL string // without trailing slash
	hc      *http.Client
	budget  Budget
	maxWait time.Duration // WithMaxBudgetWait (budget.go)
	cache   ReadCache     // WithReadCache (readcache.go)
	backoff time.Duration // first wait between GET retries; it doubles on each
	logger  *slog.Logger
	now     func() time.Time // clock for HTTP-date Retry-After
	wrote   func(method, path string, answer []byte)
}

// Option configures a Client.
type Option func(*settings)

type settings struct {
	ts      oauth2.TokenSource
	hc      *http.Client
	budget  Budget
	maxWait time.Duration
	cache   ReadCache
	logger  *slog.Logger
	wrote   func(method, path string, answer []byte)
}

// WithTokenSource authenticates every request with a bearer token from ts.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(s *settings) { s.ts = ts }
}

// WithHTTPClient sets the base HTTP client (transport, timeouts). The client
// is copied, never modified.
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) {
		if hc != nil {
			s.hc = hc
		}
	}
}

// WithBudget makes every HTTP attempt, retries included, take one request
// of b first: the company's budget, in this process or shared (budget.go).
func WithBudget(b Budget) Option {
	return func(s *settings) { s.budget = b }
}

// WithLogger sets where retries are logged; default slog.Default().
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) {
		if l != nil {
			s.logger = l
		}
	}
}

// WithWriteObserver calls fn after each write (POST, PATCH, PUT, DELETE)
// that Dialpad answered with a 2xx, so a caller can tell what it really
// changed from requests that only looked. path is the API path, without
// query; answer is Dialpad's answer body (for a PATCH, the resource as it
// now is), possibly empty, and must not be modified. fn may be called from
// several goroutines at once.
func WithWriteObserver(fn func(method, path string, answer []byte)) Option {
	return func(s *settings) { s.wrote = fn }
}

// New builds a client for baseURL, such as "https://dialpad.com" or the
// emulator's URL; API paths (/api/v2/...) are appended to it.
func New(baseURL string, opts ...Option) *Client {
	s := settings{
		hc:     &http.Client{Timeout: defaultTimeout},
		logger: slog.Default(),
	}
	for _, opt := range opts {
		opt(&s)
	}
	base := strings.TrimRight(baseURL, "/")
	return &Client{
		baseURL: base,
		hc:      httpClient(s.hc, s.ts, base),
		budget:  s.budget,
		maxWait: s.maxWait,
		cache:   s.cache,
		backoff: defaultRetryBackoff,
		logger:  s.logger,
		now:     time.Now,
		wrote:   s.wrote,
	}
}

// httpClient copies hc and, given a token source, puts oauth2.Transport in
// front of its transport.
func httpClient(hc *http.Client, ts oauth2.TokenSource, base string) *http.Client {
	c := *hc
	if ts == nil {
		return &c
	}
	rt := c.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	c.Transport = &oauth2.Transport{
		Source: markedSource{ts},
		Base:   captureAuth{rt},
	}
	c.CheckRedirect = sameHostRedirects(base, hc.CheckRedirect)
	return &c
}

// sameHostRedirects refuses redirects that leave Dialpad's host:
// oauth2.Transport would attach the bearer token to any host.
func sameHostRedirects(base string, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	host := ""
	if u, err := url.Parse(base); err == nil {
		host = u.Host
	}
	return func(req *http.Request, via []*http.Request) error {
		if req.URL.Host != host {
			return http.ErrUseLastResponse
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return http.ErrUseLastResponse
		}
		return nil
	}
}
