// Package webtest starts a Dialpad emulator and the console on loopback
// httptest servers and drives them over real HTTP, like a browser without
// JavaScript. Handler tests across the project build on it:
//
//	st := webtest.Start(t)
//	b := st.LoginAs(t, emulator.AdminUserID)
//	res := b.Get("/callcenters")
//
// Requests never follow redirects on their own, so tests can assert 303s;
// Follow walks them.
package webtest

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/spectest"
	"switchboard/handlers/access"
	"switchboard/web"
)

// Stack is a running emulator and console pair.
type Stack struct {
	Emulator    *emulator.Emulator
	EmulatorURL string
	Server      *web.Server
	URL         string // the console, e.g. http://127.0.0.1:41234
	Clock       *Clock // shared by console and emulator unless Options.Now was set
	CompanyKey  string // the company API key the console uses (WithCompanyKey), else ""

	logs    *syncBuffer
	tokens  *tokenRecorder
	answers *statusCounts // the emulator's answers, shared with stacks on it
}

// Option adjusts what Start builds.
type Option func(*settings)

type settings struct {
	emu        emulator.Options
	config     []func(*web.Config)
	server     []web.Option
	companyKey bool
	grants     []access.Grant
	storage    bool
	demoRoles  bool
	on         *Stack    // OnEmulatorOf
	clockAt    time.Time // WithClockAt
}

// OnEmulatorOf starts a second console on other's emulator and clock, as
// a second instance behind a load balancer would be: what one changes in
// Dialpad, the other reads.
func OnEmulatorOf(other *Stack) Option {
	return func(s *settings) { s.on = other }
}

// WithEmulator passes options to emulator.New (clock, token lifetime, page
// size, large seeds...). Client credentials left empty get the defaults the
// console is configured with.
func WithEmulator(o emulator.Options) Option {
	return func(s *settings) { s.emu = o }
}

// WithClockAt starts the stack's clock at t (it keeps flowing from there),
// for pages whose answer depends on the weekday and hour, such as "open
// now". Ignored with OnEmulatorOf, whose clock is the other stack's.
func WithClockAt(t time.Time) Option {
	return func(s *settings) { s.clockAt = t }
}

// WithConfig edits the console's configuration before the server is built.
func WithConfig(fn func(*web.Config)) Option {
	return func(s *settings) { s.config = append(s.config, fn) }
}

// WithServerOptions passes options to web.New (a session store, say),
// after the clock and HTTP client the stack sets.
func WithServerOptions(opts ...web.Option) Option {
	return func(s *settings) { s.server = append(s.server, opts...) }
}

// WithCompanyKey runs the console in company-key mode: the emulator issues
// a company API key and every Dialpad call carries it (Stack.CompanyKey).
// Grants come from WithGrants; without any, only company admins get in.
func WithCompanyKey() Option {
	return func(s *settings) { s.companyKey, s.storage = true, true }
}

// WithGrants gives the console a throwaway SQLite database holding these
// grants (and the audit trail and sessions). Emails are the seeded users'
// (emulator.Personas).
func WithGrants(grants ...access.Grant) Option {
	return func(s *settings) { s.grants, s.storage = append(s.grants, grants...), true }
}

// Start runs an emulator and a console wired to it, both stopped when the
// test ends. The console's log is kept (see Logs) and printed if the test
// fails.
func Start(t testing.TB, opts ...Option) *Stack {
	t.Helper()
	var set settings
	for _, o := range opts {
		o(&set)
	}
	st := &Stack{Clock: &Clock{}, logs: &syncBuffer{}, answers: &statusCounts{}}
	if !set.clockAt.IsZero() {
		st.Clock.offset = time.Until(set.clockAt)
	}
	if set.on != nil {
		st.Clock, st.answers = set.on.Clock, set.on.answers
		st.Emulator, st.EmulatorURL = set.on.Emulator, set.on.EmulatorURL
		set.emu.Now = set.on.Clock.Now
	}
	if set.emu.Now == nil {
		set.emu.Now = st.Clock.Now
	}
	if set.emu.ClientID == "" {
		set.emu.ClientID, set.emu.ClientSecret = emulator.DefaultClientID, emulator.DefaultClientSecret
	}

	if set.on == nil {
		st.Emulator = emulator.New(set.emu)
		// Every exchange with the emulator is checked against Dialpad's spec;
		// violations fail the test when it ends. Benchmarks measure the console,
		// not the checker, so they talk to the emulator directly.
		var emuHandler http.Handler = st.Emulator
		if _, bench := t.(*testing.B); !bench {
			emuHandler = spectest.Wrap(t, st.Emulator)
		}
		emuServer := httptest.NewServer(st.answers.wrap(emuHandler))
		t.Cleanup(emuServer.Close)
		st.EmulatorURL = emuServer.URL
	}

	// The console's URL must be known before its config is, hence the
	// unstarted server: its listener already has the port.
	console := httptest.NewUnstartedServer(nil)
	addr := console.Listener.Addr().String()
	st.URL = "http://" + addr
	cfg := web.Config{
		Addr:                    addr,
		PublicURL:               st.URL,
		DialpadURL:              st.EmulatorURL,
		ClientID:                set.emu.ClientID,
		ClientSecret:            set.emu.ClientSecret,
		AllowPrivateRoutingURLs: true,
	}
	if set.companyKey {
		st.CompanyKey = st.Emulator.IssueCompanyKey()
		cfg.DialpadAPIKey = web.Secret(st.CompanyKey)
	}
	for _, fn := range set.config {
		fn(&cfg)
	}
	if set.demoRoles {
		set.grants = append(demoRoles(t, st.Emulator), set.grants...)
	}
	if set.storage {
		set.server = append([]web.Option{web.WithStorage(throwawayStorage(t, set.grants))}, set.server...)
	}

	transport := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(transport.CloseIdleConnections)
	st.tokens = &tokenRecorder{base: transport}
	logger := slog.New(slog.NewTextHandler(st.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := web.New(cfg, logger, append([]web.Option{
		web.WithClock(set.emu.Now),
		web.WithHTTPClient(&http.Client{Transport: st.tokens, Timeout: 30 * time.Second}),
	}, set.server...)...)
	if err != nil {
		console.Close()
		t.Fatalf("webtest: building the console: %v", err)
	}
	st.Server = srv
	console.Config.Handler = srv
	console.Start()
	t.Cleanup(func() {
		console.Close()
		if t.Failed() {
			t.Logf("console log:\n%s", st.Logs())
		}
	})
	return st
}

// EmulatorAnswers is how many API answers the emulator gave with status
// (429, say), from every console on it.
func (s *Stack) EmulatorAnswers(status int) int { return s.answers.count(status) }

// Logs returns everything the console logged so far.
func (s *Stack) Logs() string { return s.logs.String() }

// Tokens returns every access and refresh token Dialpad issued to the
// console, so tests can prove none of them leaks.
func (s *Stack) Tokens() []string { return s.tokens.all() }

// Secrets returns Tokens plus every authorization code, PKCE verifier and
// client secret the console sent to Dialpad's token endpoint: what must
// never reach a page, a header, a cookie or a log line.
func (s *Stack) Secrets() []string { return s.tokens.allSecrets() }

// TokenGrants returns the grant_type of every request the console sent to
// Dialpad's token endpoint, oldest first ("authorization_code",
// "refresh_token").
func (s *Stack) TokenGrants() []string { return s.tokens.grantTypes() }

// NewBrowser returns a signed-out browser with its own cookie jar.
func (s *Stack) NewBrowser(t testing.TB) *Browser {
	t.Helper()
	return newBrowser(t, s.URL)
}

// LoginAs signs a new browser in as userID through the real flow: /login,
// the emulator's consent page, Allow, /auth/callback.
func (s *Stack) LoginAs(t testing.TB, userID dialpad.ID) *Browser {
	t.Helper()
	b := s.NewBrowser(t)
	res := b.Get("/login")
	res = b.Consent(res, userID, true)
	res = b.Get(res.Location())
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Set-Cookie") == "" {
		t.Fatalf("webtest: sign-in callback answered %d (want 303 with a session cookie):\n%s", res.StatusCode, res.Body)
	}
	return b
}

// Clock is the wall clock plus an offset tests can push forward; time keeps
// flowing, so rate limits still refill.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the shifted time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// syncBuffer is a bytes.Buffer safe for the server's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Clone(b.buf.String())
}
