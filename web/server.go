package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-chi/chi/v5"
	"golang.org/x/oauth2"

	"switchboard/handlers"
	"switchboard/static"
	"switchboard/web/redisstate"
)

// Session lifetimes: a working day at most, and a coffee break of idleness.
const (
	sessionLifetime = 12 * time.Hour
	sessionIdle     = 2 * time.Hour
	sessionCookie   = "switchboard_session"
)

// Server is the console's http.Handler. It is built once by New and safe for
// concurrent use.
type Server struct {
	cfg      Config
	logger   *slog.Logger
	now      func() time.Time
	hc       *http.Client // for Dialpad: API calls, deauthorize
	tokenHC  *http.Client // hc, sending token requests as JSON (see oauthContext)
	sessions *scs.SessionManager
	renewing locker // one token renewal at a time per session, across instances with Redis
	oauth    *oauth2.Config
	h        *handlers.Handler
	limiters *limiters
	csrf     *http.CrossOriginProtection
	compress func(http.Handler) http.Handler // zstd/gzip (middleware_compress.go)
	demo     handlers.DemoControl            // demo mode's call simulator (WithDemo)
	storage  *Storage                        // database and session store (WithStorage); nil keeps sessions in memory
	router   http.Handler
	table    chi.Routes // the route table router serves, for tests
}

// Option adjusts a Server, mostly for tests.
type Option func(*Server)

// WithClock sets the clock used for token expiry and handed to the pages.
// Tests share it with the emulator to jump past a token's lifetime.
func WithClock(now func() time.Time) Option {
	return func(s *Server) { s.now = now }
}

// WithHTTPClient sets the client used for every call to Dialpad.
func WithHTTPClient(hc *http.Client) Option {
	return func(s *Server) { s.hc = hc }
}

// New wires the console for cfg.
func New(cfg Config, logger *slog.Logger, opts ...Option) (*Server, error) {
	if cfg.DialpadURL == "" || cfg.PublicURL == "" || cfg.ClientID == "" {
		return nil, fmt.Errorf("web: config lacks the Dialpad URL, public URL or client id")
	}
	if logger == nil {
		logger = slog.Default()
	}
	assets, err := static.New()
	if err != nil {
		return nil, err
	}
	s := &Server{
		cfg:      cfg,
		logger:   logger,
		now:      time.Now,
		hc:       &http.Client{Timeout: 30 * time.Second},
		limiters: newLimiters(),
		renewing: newKeyedLocks(),
	}
	for _, o := range opts {
		o(s)
	}

	s.sessions = scs.New()
	var commits locker = newKeyedLocks()
	if rdb := s.redis(); rdb != nil {
		s.renewing = sharedLocks{local: newKeyedLocks(), remote: redisstate.NewLocks(rdb, "renew:", renewLockTTL)}
		commits = sharedLocks{local: newKeyedLocks(), remote: redisstate.NewLocks(rdb, "commit:", commitLockTTL)}
	}
	s.sessions.Store = &tokenKeepingStore{Store: s.sessionStore(), codec: s.sessions.Codec, locks: commits}
	s.sessions.Lifetime = sessionLifetime
	s.sessions.IdleTimeout = sessionIdle
	s.sessions.Cookie.Name = sessionCookie
	s.sessions.Cookie.HttpOnly = true
	s.sessions.Cookie.SameSite = http.SameSiteLaxMode
	s.sessions.Cookie.Secure = strings.HasPrefix(cfg.PublicURL, "https://")
	s.sessions.ErrorFunc = s.sessionError
	registerSessionTypes()

	s.oauth = &oauth2.Config{
		ClientID:     cfg.ClientID,
		ClientSecret: cfg.ClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   cfg.DialpadURL + "/oauth2/authorize",
			TokenURL:  cfg.DialpadURL + "/oauth2/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
		RedirectURL: cfg.PublicURL + "/auth/callback",
	}
	s.tokenHC = jsonTokenClient(s.hc, s.oauth.Endpoint.TokenURL)

	s.h = &handlers.Handler{
		Logger:   logger,
		Sessions: s.sessions,
		Assets:   assets,
		FormKey:  cfg.FormKey(),
		Now:      s.now,

		AllowPrivateRoutingURLs: cfg.AllowPrivateRoutingURLs,
		RoutingTimeout:          cfg.RoutingTimeout,
		DialpadDeadline:         cfg.DialpadDeadline,
		Demo:                    s.demoControl(),
		IVRAudio:                cfg.Demo, // only the emulator serves IVR audio
		Mode:                    s.accessMode(),
	}
	if s.storage != nil {
		s.h.Grants, s.h.Audit = s.storage.DB.Grants(), s.storage.DB.Audit()
	}
	s.shareThroughRedis()

	if s.compress, err = newCompressor(); err != nil {
		return nil, fmt.Errorf("web: compression: %w", err)
	}
	s.csrf = http.NewCrossOriginProtection()
	s.csrf.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))

	mux := s.routes()
	s.router, s.table = mux, mux
	return s, nil
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.router.ServeHTTP(w, r)
}

// sessionError answers when the session store fails (Redis or the
// database went away): a plain 503, never a 500. When loading fails, the
// page never ran, so nothing reached Dialpad and the browser's Back still
// holds a posted form; the store's client reconnects by itself, so the
// next try works once the store is back. The error never holds session
// data.
func (s *Server) sessionError(w http.ResponseWriter, r *http.Request, err error) {
	s.logger.ErrorContext(r.Context(), "session store", "path", r.URL.Path, "err", err)
	w.Header().Set("Retry-After", "5")
	w.Header().Set("Cache-Control", "no-store")
	http.Error(w, "Sessions are unavailable, try again shortly.", http.StatusServiceUnavailable)
}

// crossOriginDenied explains a refused cross-site form post.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.logger.WarnContext(r.Context(), "cross-origin request refused", "method", r.Method, "path", r.URL.Path)
	s.h.RenderError(w, r, http.StatusForbidden, "Request refused",
		"This form was sent from another site, so Switchboard ignored it. Open the page in Switchboard and try again.")
}

// healthz tells load balancers the process is up.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte("ok"))
}
