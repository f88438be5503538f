package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"switchboard/web/redisstate"
	"switchboard/web/store"
)

// Session store kinds (SWITCHBOARD_SESSION_STORE).
const (
	SessionStoreDatabase = "database" // the default: sessions survive a restart
	SessionStoreMemory   = "memory"   // a restart signs everyone out
	SessionStoreRedis    = "redis"    // shared by every instance on one Redis (RedisURL)
)

// sessionKeyLabel separates the derived session key from the form key,
// both taken from the client secret.
const sessionKeyLabel = "switchboard session key v1"

// loadStorage reads the database, session and company key settings into
// cfg and returns their problems.
func loadStorage(cfg *Config, getenv func(string) string) []string {
	var p []string
	dbURL, problem := databaseURL(getenv)
	cfg.DatabaseURL = Secret(dbURL)
	// Demo mode uses a throwaway database, so its setting is not checked.
	if problem != "" && !cfg.Demo {
		p = append(p, problem)
	}

	p = append(p, loadRedis(cfg, getenv)...)

	if v := strings.TrimSpace(getenv("SWITCHBOARD_SESSION_KEY")); v != "" {
		key, ok := decodeKey(v)
		if !ok {
			// Never repeat the value: it may be a real key with a typo.
			p = append(p, fmt.Sprintf("SWITCHBOARD_SESSION_KEY: must be %d random bytes written as %d hex digits or in base64 (openssl rand -base64 32)", store.SessionKeySize, 2*store.SessionKeySize))
		}
		cfg.SessionKey = Secret(key)
	}

	// The company key is read from the environment only, never a flag,
	// so it stays out of shell history and process listings.
	if !cfg.Demo {
		cfg.DialpadAPIKey = Secret(strings.TrimSpace(getenv("DIALPAD_API_KEY")))
	}
	return p
}

// loadRedis reads SWITCHBOARD_REDIS_URL and SWITCHBOARD_SESSION_STORE,
// which may name the Redis itself: redis://host:port/db.
func loadRedis(cfg *Config, getenv func(string) string) []string {
	var p []string
	redisURL := strings.TrimSpace(getenv("SWITCHBOARD_REDIS_URL"))
	if redisURL != "" && !redisstate.ValidURL(redisURL) {
		// Never repeat the value: it may hold a password.
		p = append(p, "SWITCHBOARD_REDIS_URL: is not a Redis URL such as redis://localhost:6379/0")
	}
	raw := strings.TrimSpace(getenv("SWITCHBOARD_SESSION_STORE"))
	switch v := strings.ToLower(raw); {
	case v == "" || v == SessionStoreDatabase:
		cfg.SessionStore = SessionStoreDatabase
	case v == SessionStoreMemory:
		cfg.SessionStore = SessionStoreMemory
	case v == SessionStoreRedis:
		cfg.SessionStore = SessionStoreRedis
		if redisURL == "" {
			p = append(p, "SWITCHBOARD_SESSION_STORE: redis needs SWITCHBOARD_REDIS_URL (or give the URL here: redis://host:port/db)")
		}
	case strings.HasPrefix(v, "redis://") || strings.HasPrefix(v, "rediss://"):
		cfg.SessionStore = SessionStoreRedis
		switch {
		case !redisstate.ValidURL(raw):
			p = append(p, "SWITCHBOARD_SESSION_STORE: is not a Redis URL such as redis://localhost:6379/0")
		case redisURL != "" && redisURL != raw:
			p = append(p, "SWITCHBOARD_SESSION_STORE: names another Redis than SWITCHBOARD_REDIS_URL; one Redis holds everything shared")
		}
		redisURL = raw
	default:
		p = append(p, fmt.Sprintf("SWITCHBOARD_SESSION_STORE: %q is not a session store (use database, memory or redis://host:port/db)", v))
	}
	cfg.RedisURL = Secret(redisURL)
	return p
}

// LoadDatabaseURL reads SWITCHBOARD_DATABASE_URL as the server does, for
// the commands that only need the database (switchboard grant...).
func LoadDatabaseURL(getenv func(string) string) (string, error) {
	u, problem := databaseURL(getenv)
	if problem != "" {
		return "", &ConfigError{Problems: []string{problem}}
	}
	return u, nil
}

func databaseURL(getenv func(string) string) (string, string) {
	u := strings.TrimSpace(getenv("SWITCHBOARD_DATABASE_URL"))
	if u == "" {
		u = store.DefaultURL
	}
	if _, err := store.ParseURL(u); err != nil {
		return u, "SWITCHBOARD_DATABASE_URL: " + err.Error()
	}
	return u, ""
}

// decodeKey reads a 32-byte key in hex or any common base64 form.
func decodeKey(s string) ([]byte, bool) {
	if b, err := hex.DecodeString(s); err == nil && len(b) == store.SessionKeySize {
		return b, true
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == store.SessionKeySize {
			return b, true
		}
	}
	return nil, false
}

// SessionKeyBytes is the key that seals stored sessions: the configured one,
// or else one derived from the client secret, which the database never
// holds, so a copy of the database alone opens no session either way.
func (c Config) SessionKeyBytes() []byte {
	if c.SessionKey != "" {
		return []byte(c.SessionKey.Reveal())
	}
	m := hmac.New(sha256.New, []byte(c.ClientSecret))
	m.Write([]byte(sessionKeyLabel))
	return m.Sum(nil)
}

// CompanyKeyMode reports whether Dialpad calls are to be made with the
// company API key, so Switchboard's roles decide (see handlers/access).
func (c Config) CompanyKeyMode() bool { return c.DialpadAPIKey != "" }
