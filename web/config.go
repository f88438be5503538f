// Package web is the console's HTTP server: configuration, routes,
// middleware, sessions and the OAuth sign-in with Dialpad. Pages themselves
// live in handlers.
package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	"switchboard/web/store"
)

// Defaults for settings that have one.
const (
	DefaultAddr       = "127.0.0.1:8080"
	DefaultDialpadURL = "https://dialpad.com"
)

// formKeyLabel separates the form-state key from any other use of the client
// secret; bump the version to invalidate every form rendered before.
const formKeyLabel = "switchboard form state v1"

// Config is everything the console needs to start. main builds one and
// passes it down; nothing reads the environment after start-up.
type Config struct {
	Addr         string // listen address, host:port
	PublicURL    string // where browsers reach the console, without trailing slash
	DialpadURL   string // Dialpad (or the emulator), without trailing slash
	ClientID     string // OAuth app registered with Dialpad
	ClientSecret string // never logged, never shown
	Demo         bool   // run against the in-process emulator; main fills DialpadURL and the client

	// AllowPrivateRoutingURLs lets call routers point at loopback and private
	// addresses, which only makes sense next to a local emulator.
	AllowPrivateRoutingURLs bool
	// RoutingTimeout is how long the router endpoint tester waits for an
	// answer; zero means Dialpad's own 5 seconds. No variable sets it:
	// tests shorten it so a slow endpoint does not take 5 s to test.
	RoutingTimeout time.Duration
	// DialpadDeadline bounds all of one page's Dialpad calls together;
	// zero means 10 seconds. No variable sets it: tests shorten it.
	DialpadDeadline time.Duration

	// DatabaseURL holds grants, the audit trail and sessions: sqlite:PATH
	// or postgres://... (whose password must stay out of logs). Demo mode
	// uses a throwaway database instead.
	DatabaseURL Secret
	// SessionStore is SessionStoreDatabase, SessionStoreMemory or
	// SessionStoreRedis.
	SessionStore string
	// RedisURL (redis://host:port/db) holds what several instances share:
	// the Dialpad budget, router change windows, cache drops, token
	// renewal locks and, with SessionStoreRedis, sessions. Empty: each
	// process keeps its own (one instance).
	RedisURL Secret
	// SessionKey seals stored sessions (32 bytes); empty derives one from
	// the client secret (see SessionKeyBytes).
	SessionKey Secret
	// DialpadAPIKey is the company admin API key; when set every Dialpad
	// call is made with it and Switchboard's roles decide.
	DialpadAPIKey Secret

	// publicURLFromAddr records that PublicURL was derived from Addr, so it
	// can follow the real port when Addr asks for any free one (":0").
	publicURLFromAddr bool
}

// ConfigError lists every problem found in the settings at once, so a
// person fixes them in one go instead of one start-up at a time.
type ConfigError struct {
	Problems []string // each names the variable or flag and what is wrong with it
}

func (e *ConfigError) Error() string {
	return "configuration problems:\n  " + strings.Join(e.Problems, "\n  ")
}

// setting is one value and the name a person used to give it (a variable
// or a flag), for error messages.
type setting struct {
	value string
	from  string
}

// LoadConfig reads the environment through getenv and lets flags in args
// override it. Problems come back together as one *ConfigError; -h gives
// flag.ErrHelp.
func LoadConfig(args []string, getenv func(string) string) (Config, error) {
	s := map[string]*setting{
		"addr":        envSetting(getenv, "SWITCHBOARD_ADDR"),
		"public-url":  envSetting(getenv, "SWITCHBOARD_PUBLIC_URL"),
		"dialpad-url": envSetting(getenv, "DIALPAD_URL"),
		"demo":        {from: "-demo"},
	}
	fs := newFlagSet(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Config{}, err
		}
		return Config{}, &ConfigError{Problems: []string{err.Error()}}
	}
	if fs.NArg() > 0 {
		return Config{}, &ConfigError{Problems: []string{fmt.Sprintf("unexpected argument %q (settings are flags or environment variables)", fs.Arg(0))}}
	}
	fs.Visit(func(f *flag.Flag) {
		s[f.Name] = &setting{value: f.Value.String(), from: "-" + f.Name}
	})

	var p []string
	cfg := Config{
		ClientID:     strings.TrimSpace(getenv("DIALPAD_CLIENT_ID")),
		ClientSecret: strings.TrimSpace(getenv("DIALPAD_CLIENT_SECRET")),
		Demo:         s["demo"].value == "true",
	}

	cfg.Addr = s["addr"].value
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if msg := checkAddr(cfg.Addr); msg != "" {
		p = append(p, s["addr"].from+": "+msg)
	}

	if s["public-url"].value == "" {
		cfg.PublicURL = "http://" + browsableAddr(cfg.Addr)
		cfg.publicURLFromAddr = true
	} else if u, msg := checkBaseURL(s["public-url"].value); msg != "" {
		p = append(p, s["public-url"].from+": "+msg)
	} else {
		cfg.PublicURL = u
	}

	// In demo mode main points the console at its own emulator, so the
	// Dialpad settings are neither needed nor used.
	if !cfg.Demo {
		raw := s["dialpad-url"].value
		if raw == "" {
			raw = DefaultDialpadURL
		}
		if u, msg := checkBaseURL(raw); msg != "" {
			p = append(p, s["dialpad-url"].from+": "+msg)
		} else {
			cfg.DialpadURL = u
		}
		if cfg.ClientID == "" {
			p = append(p, "DIALPAD_CLIENT_ID: missing; set it to the client id of your Dialpad OAuth app (or use -demo)")
		}
		if cfg.ClientSecret == "" {
			p = append(p, "DIALPAD_CLIENT_SECRET: missing; set it to the client secret of your Dialpad OAuth app (or use -demo)")
		}
	}

	if v := strings.TrimSpace(getenv("SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS")); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			p = append(p, fmt.Sprintf("SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS: %q is not a boolean (use 1 or true, 0 or false)", v))
		}
		cfg.AllowPrivateRoutingURLs = b
	}

	p = append(p, loadStorage(&cfg, getenv)...)

	if len(p) > 0 {
		return Config{}, &ConfigError{Problems: p}
	}
	return cfg, nil
}

// FormKey is the key that seals form state. It is derived from the client
// secret, so every console replica of one deployment agrees on it without
// another setting, and it changes when the secret is rotated.
func (c Config) FormKey() []byte {
	m := hmac.New(sha256.New, []byte(c.ClientSecret))
	m.Write([]byte(formKeyLabel))
	return m.Sum(nil)
}

// ListeningOn adjusts a derived PublicURL to the address the server really
// listens on, which differs from Addr when Addr asked for port 0.
func (c Config) ListeningOn(addr net.Addr) Config {
	if c.publicURLFromAddr && addr != nil {
		c.PublicURL = "http://" + browsableAddr(addr.String())
	}
	return c
}

// LogValue keeps the client secret out of logs even when the whole config
// is logged.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.String("public_url", c.PublicURL),
		slog.String("dialpad_url", c.DialpadURL),
		slog.String("client_id", c.ClientID),
		slog.Bool("demo", c.Demo),
		slog.Bool("allow_private_routing_urls", c.AllowPrivateRoutingURLs),
		slog.String("database_url", store.Redact(c.DatabaseURL.Reveal())),
		slog.String("session_store", c.SessionStore),
		slog.Bool("redis", c.RedisURL != ""),
		slog.Bool("company_key", c.CompanyKeyMode()),
	)
}

// Usage describes the flags and variables, for -h.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: switchboard [flags]")
	fmt.Fprintln(w, "\nFlags (each overrides its environment variable):")
	fs := newFlagSet(w)
	fs.PrintDefaults()
	fmt.Fprint(w, `
Environment:
  SWITCHBOARD_ADDR                        listen address (default `+DefaultAddr+`)
  SWITCHBOARD_PUBLIC_URL                  URL browsers use (default http://{SWITCHBOARD_ADDR})
  DIALPAD_URL                             `+DefaultDialpadURL+` or https://sandbox.dialpad.com
  DIALPAD_CLIENT_ID                       OAuth app client id (required unless -demo)
  DIALPAD_CLIENT_SECRET                   OAuth app client secret (required unless -demo)
  SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS  1 to allow call routers on private addresses
  SWITCHBOARD_DATABASE_URL                sqlite:PATH or postgres://... (default `+store.DefaultURL+`)
  SWITCHBOARD_SESSION_STORE               database (default), memory, or redis://host:port/db
  SWITCHBOARD_REDIS_URL                   redis://host:port/db shared by several instances (budget, router windows, caches, locks)
  SWITCHBOARD_SESSION_KEY                 32 bytes, hex or base64, sealing stored sessions (default: derived from the client secret)
  DIALPAD_API_KEY                         company admin API key: every Dialpad call uses it and Switchboard's roles decide
`)
	fmt.Fprint(w, `
Commands (same environment):
  switchboard grant EMAIL ROLE [-office ID]   roles: admin, office_admin (needs -office), support, viewer
  switchboard revoke EMAIL [ROLE]             every role of EMAIL when ROLE is left out
  switchboard grants                          list every grant
`)
}

func newFlagSet(out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("switchboard", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.String("addr", "", "listen address, host:port (SWITCHBOARD_ADDR)")
	fs.String("public-url", "", "URL browsers use to reach the console (SWITCHBOARD_PUBLIC_URL)")
	fs.String("dialpad-url", "", "Dialpad base URL (DIALPAD_URL)")
	fs.Bool("demo", false, "run against a built-in Dialpad emulator with demo users")
	return fs
}

func envSetting(getenv func(string) string, name string) *setting {
	return &setting{value: strings.TrimSpace(getenv(name)), from: name}
}

// checkAddr returns what is wrong with a listen address, or "".
func checkAddr(addr string) string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Sprintf("%q is not a host:port listen address", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Sprintf("%q has no valid port", addr)
	}
	return ""
}

// checkBaseURL validates an http(s) origin and returns it without trailing
// slash. Messages never repeat credentials a URL might carry.
func checkBaseURL(raw string) (string, string) {
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return "", "is not an absolute URL such as https://example.com"
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Sprintf("%q must start with http:// or https://", u.Redacted())
	case u.User != nil:
		return "", "must not carry a user name or password"
	case strings.Trim(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Sprintf("%q must be a bare origin, without path, query or fragment", u.Redacted())
	}
	return u.Scheme + "://" + u.Host, ""
}

// browsableAddr turns a listen address into one a browser can open: an
// empty or wildcard host becomes localhost.
func browsableAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
