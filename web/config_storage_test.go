package web_test

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"switchboard/web"
)

func TestLoadConfigStorage(t *testing.T) {
	key := bytes.Repeat([]byte{0xab}, 32)
	tests := []struct {
		name                string
		args                []string
		env                 map[string]string
		dbURL, sessionStore string
		sessionKey          []byte // nil: derived
		companyKey          string
	}{
		{name: "defaults", env: creds, dbURL: "sqlite:switchboard.db", sessionStore: "database"},
		{name: "postgres, memory sessions, hex key, company key", env: with(creds, map[string]string{
			"SWITCHBOARD_DATABASE_URL":  "postgres://sb:pw@db:5432/switchboard",
			"SWITCHBOARD_SESSION_STORE": "Memory",
			"SWITCHBOARD_SESSION_KEY":   hex.EncodeToString(key),
			"DIALPAD_API_KEY":           " company-key-123 ",
		}), dbURL: "postgres://sb:pw@db:5432/switchboard", sessionStore: "memory", sessionKey: key, companyKey: "company-key-123"},
		{name: "base64 key", env: with(creds, map[string]string{"SWITCHBOARD_SESSION_KEY": base64.StdEncoding.EncodeToString(key)}),
			dbURL: "sqlite:switchboard.db", sessionStore: "database", sessionKey: key},
		{name: "url-safe base64 key without padding", env: with(creds, map[string]string{"SWITCHBOARD_SESSION_KEY": base64.RawURLEncoding.EncodeToString(key)}),
			dbURL: "sqlite:switchboard.db", sessionStore: "database", sessionKey: key},
		{name: "demo ignores the database setting and the company key", args: []string{"-demo"},
			env:   map[string]string{"SWITCHBOARD_DATABASE_URL": "nonsense", "DIALPAD_API_KEY": "k"},
			dbURL: "nonsense", sessionStore: "database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := web.LoadConfig(tt.args, env(tt.env))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.DatabaseURL.Reveal() != tt.dbURL || cfg.SessionStore != tt.sessionStore || cfg.DialpadAPIKey.Reveal() != tt.companyKey {
				t.Errorf("got database %q, sessions %q, company key %q; want %q, %q, %q",
					cfg.DatabaseURL.Reveal(), cfg.SessionStore, cfg.DialpadAPIKey.Reveal(), tt.dbURL, tt.sessionStore, tt.companyKey)
			}
			if cfg.CompanyKeyMode() != (tt.companyKey != "") {
				t.Errorf("CompanyKeyMode = %v", cfg.CompanyKeyMode())
			}
			got := cfg.SessionKeyBytes()
			if len(got) != 32 {
				t.Fatalf("session key is %d bytes, want 32", len(got))
			}
			if tt.sessionKey != nil && !bytes.Equal(got, tt.sessionKey) {
				t.Errorf("session key = %x, want the configured %x", got, tt.sessionKey)
			}
		})
	}
}

// TestSessionKeyDerived: without a configured key the session key follows
// the client secret, which the database never holds, and differs from the
// form key.
func TestSessionKeyDerived(t *testing.T) {
	a := web.Config{ClientSecret: "one"}
	if bytes.Equal(a.SessionKeyBytes(), web.Config{ClientSecret: "two"}.SessionKeyBytes()) {
		t.Error("the derived session key does not depend on the client secret")
	}
	if bytes.Equal(a.SessionKeyBytes(), a.FormKey()) {
		t.Error("the session key is the form key")
	}
}

func TestLoadConfigStorageProblems(t *testing.T) {
	_, err := web.LoadConfig(nil, env(with(creds, map[string]string{
		"SWITCHBOARD_DATABASE_URL":  "mysql://root:hunter2@db/x",
		"SWITCHBOARD_SESSION_STORE": "mongodb",
		"SWITCHBOARD_SESSION_KEY":   "c2hvcnQta2V5LXNlY3JldA==",
	})))
	var ce *web.ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("LoadConfig = %v, want a *ConfigError", err)
	}
	want := []string{
		"SWITCHBOARD_DATABASE_URL: \"(hidden)@db/x\" must start with sqlite: or postgres://",
		`SWITCHBOARD_SESSION_STORE: "mongodb" is not a session store (use database, memory or redis://host:port/db)`,
		"SWITCHBOARD_SESSION_KEY: must be 32 random bytes",
	}
	if len(ce.Problems) != len(want) {
		t.Fatalf("problems = %q, want %d", ce.Problems, len(want))
	}
	for i, w := range want {
		if !strings.Contains(ce.Problems[i], w) {
			t.Errorf("problem %d = %q, want it to contain %q", i, ce.Problems[i], w)
		}
	}
	for _, secret := range []string{"hunter2", "c2hvcnQta2V5LXNlY3JldA"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the error repeats a secret: %v", err)
		}
	}
}

// TestSecretsStayHidden: the company key and the session key reach no log
// line and no formatted config, whatever the verb.
func TestSecretsStayHidden(t *testing.T) {
	const apiKey, sessionKey = "company-key-SECRET-1", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	cfg, err := web.LoadConfig(nil, env(with(creds, map[string]string{
		"DIALPAD_API_KEY": apiKey, "SWITCHBOARD_SESSION_KEY": sessionKey,
		"SWITCHBOARD_DATABASE_URL": "postgres://sb:pg-PASSWORD@db/switchboard",
	})))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("start", "config", cfg, "key", cfg.DialpadAPIKey)
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("start", "config", cfg, "key", cfg.DialpadAPIKey)
	// Printing the whole config shows the client secret (as it always
	// has); the settings added for the database must not join it.
	fmt.Fprintf(&buf, "%v %+v %#v %s %v", cfg, cfg, cfg, cfg.DialpadAPIKey, cfg.DatabaseURL)
	if !strings.Contains(buf.String(), "company_key=true") {
		t.Fatalf("the log does not say company-key mode, so the check below proves little:\n%s", buf.String())
	}
	raw, _ := hex.DecodeString(sessionKey)
	for _, secret := range []string{apiKey, "pg-PASSWORD", string(raw)} {
		if strings.Contains(buf.String(), secret) {
			t.Errorf("a secret reached the output: %q in\n%s", secret, buf.String())
		}
	}
}
