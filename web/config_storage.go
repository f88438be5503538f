package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"switchboard/web/store"
)

// Session store kinds (SWITCHBOARD_SESSION_STORE).
const (
	SessionStoreDatabase = "database" // the default: sessions survive a restart
	SessionStoreMemory   = "memory"   // a restart signs everyone out
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

	switch v := strings.ToLower(strings.TrimSpace(getenv("SWITCHBOARD_SESSION_STORE"))); v {
	case "", SessionStoreDatabase:
		cfg.SessionStore = SessionStoreDatabase
	case SessionStoreMemory:
		cfg.SessionStore = SessionStoreMemory
	default:
		p = append(p, fmt.Sprintf("SWITCHBOARD_SESSION_STORE: %q is not a session store (use database or memory)", v))
	}

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
