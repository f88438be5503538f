package web_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"flag"
	"log/slog"
	"net"
	"strings"
	"testing"

	"switchboard/web"
)

// env is a getenv backed by a map.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

var creds = map[string]string{"DIALPAD_CLIENT_ID": "app-id", "DIALPAD_CLIENT_SECRET": "s3cret-value"}

func with(base map[string]string, extra map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func TestLoadConfig(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want web.Config
	}{
		{
			name: "defaults",
			env:  creds,
			want: web.Config{Addr: "127.0.0.1:8080", PublicURL: "http://127.0.0.1:8080", DialpadURL: "https://dialpad.com", ClientID: "app-id", ClientSecret: "s3cret-value"},
		},
		{
			name: "environment",
			env: with(creds, map[string]string{
				"SWITCHBOARD_ADDR":                       "0.0.0.0:9000",
				"SWITCHBOARD_PUBLIC_URL":                 "https://switchboard.example.com/",
				"DIALPAD_URL":                            "https://sandbox.dialpad.com",
				"SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS": "1",
			}),
			want: web.Config{Addr: "0.0.0.0:9000", PublicURL: "https://switchboard.example.com", DialpadURL: "https://sandbox.dialpad.com", ClientID: "app-id", ClientSecret: "s3cret-value", AllowPrivateRoutingURLs: true},
		},
		{
			name: "flags override environment",
			args: []string{"-addr", "127.0.0.1:7000", "-public-url", "http://console.test:7000", "-dialpad-url", "http://127.0.0.1:9999"},
			env: with(creds, map[string]string{
				"SWITCHBOARD_ADDR":       "0.0.0.0:9000",
				"SWITCHBOARD_PUBLIC_URL": "https://switchboard.example.com",
				"DIALPAD_URL":            "https://sandbox.dialpad.com",
			}),
			want: web.Config{Addr: "127.0.0.1:7000", PublicURL: "http://console.test:7000", DialpadURL: "http://127.0.0.1:9999", ClientID: "app-id", ClientSecret: "s3cret-value"},
		},
		{
			name: "wildcard listen address gives a browsable public URL",
			env:  with(creds, map[string]string{"SWITCHBOARD_ADDR": ":8080"}),
			want: web.Config{Addr: ":8080", PublicURL: "http://localhost:8080", DialpadURL: "https://dialpad.com", ClientID: "app-id", ClientSecret: "s3cret-value"},
		},
		{
			name: "demo needs no Dialpad settings",
			args: []string{"-demo"},
			env:  map[string]string{"DIALPAD_URL": "not a url"},
			want: web.Config{Addr: "127.0.0.1:8080", PublicURL: "http://127.0.0.1:8080", Demo: true},
		},
		{
			name: "explicit false",
			env:  with(creds, map[string]string{"SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS": "false"}),
			want: web.Config{Addr: "127.0.0.1:8080", PublicURL: "http://127.0.0.1:8080", DialpadURL: "https://dialpad.com", ClientID: "app-id", ClientSecret: "s3cret-value"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := web.LoadConfig(tt.args, env(tt.env))
			if err != nil {
				t.Fatalf("LoadConfig: %v", err)
			}
			// Compare through the exported fields only.
			got = web.Config{Addr: got.Addr, PublicURL: got.PublicURL, DialpadURL: got.DialpadURL, ClientID: got.ClientID,
				ClientSecret: got.ClientSecret, Demo: got.Demo, AllowPrivateRoutingURLs: got.AllowPrivateRoutingURLs}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLoadConfigProblems(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want []string // one substring per expected problem, in order
	}{
		{
			name: "everything missing",
			env:  map[string]string{},
			want: []string{"DIALPAD_CLIENT_ID: missing", "DIALPAD_CLIENT_SECRET: missing"},
		},
		{
			name: "every setting wrong at once",
			env: map[string]string{
				"SWITCHBOARD_ADDR":                       "localhost",
				"SWITCHBOARD_PUBLIC_URL":                 "ftp://switchboard.example.com",
				"DIALPAD_URL":                            "dialpad.com",
				"SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS": "maybe",
			},
			want: []string{
				`SWITCHBOARD_ADDR: "localhost" is not a host:port`,
				"SWITCHBOARD_PUBLIC_URL: \"ftp://switchboard.example.com\" must start with http:// or https://",
				"DIALPAD_URL: is not an absolute URL",
				"DIALPAD_CLIENT_ID: missing",
				"DIALPAD_CLIENT_SECRET: missing",
				`SWITCHBOARD_ALLOW_PRIVATE_ROUTING_URLS: "maybe" is not a boolean`,
			},
		},
		{
			name: "flag names the flag",
			args: []string{"-addr", "nope", "-public-url", "https://x.example/console"},
			env:  creds,
			want: []string{`-addr: "nope" is not a host:port`, "-public-url: \"https://x.example/console\" must be a bare origin"},
		},
		{
			name: "port out of range",
			env:  with(creds, map[string]string{"SWITCHBOARD_ADDR": "127.0.0.1:99999"}),
			want: []string{"SWITCHBOARD_ADDR: \"127.0.0.1:99999\" has no valid port"},
		},
		{
			name: "credentials in a URL are refused and not repeated",
			env:  with(creds, map[string]string{"DIALPAD_URL": "https://admin:hunter2@dialpad.com"}),
			want: []string{"DIALPAD_URL: must not carry a user name or password"},
		},
		{
			name: "unknown flag",
			args: []string{"-port", "80"},
			env:  creds,
			want: []string{"flag provided but not defined: -port"},
		},
		{
			name: "stray argument",
			args: []string{"serve"},
			env:  creds,
			want: []string{`unexpected argument "serve"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := web.LoadConfig(tt.args, env(tt.env))
			var ce *web.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("LoadConfig error = %v, want a *ConfigError", err)
			}
			if len(ce.Problems) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%v", len(ce.Problems), len(tt.want), err)
			}
			for i, want := range tt.want {
				if !strings.Contains(ce.Problems[i], want) {
					t.Errorf("problem %d = %q, want it to contain %q", i, ce.Problems[i], want)
				}
			}
			for _, secret := range []string{"s3cret-value", "hunter2"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("error repeats a secret: %v", err)
				}
			}
		})
	}
}

func TestLoadConfigHelp(t *testing.T) {
	if _, err := web.LoadConfig([]string{"-h"}, env(nil)); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("LoadConfig(-h) = %v, want flag.ErrHelp", err)
	}
}

func TestFormKey(t *testing.T) {
	a := web.Config{ClientSecret: "one"}
	m := hmac.New(sha256.New, []byte("one"))
	m.Write([]byte("switchboard form state v1"))
	if got := a.FormKey(); !hmac.Equal(got, m.Sum(nil)) {
		t.Fatalf("FormKey = %x, want HMAC-SHA256(secret, label) = %x", got, m.Sum(nil))
	}
	if hmac.Equal(a.FormKey(), web.Config{ClientSecret: "two"}.FormKey()) {
		t.Fatal("FormKey does not depend on the client secret")
	}
}

func TestListeningOn(t *testing.T) {
	derived, err := web.LoadConfig([]string{"-addr", "127.0.0.1:0"}, env(creds))
	if err != nil {
		t.Fatal(err)
	}
	addr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 43210}
	if got := derived.ListeningOn(addr).PublicURL; got != "http://127.0.0.1:43210" {
		t.Errorf("derived public URL = %q, want it to follow the real port", got)
	}
	explicit, err := web.LoadConfig([]string{"-addr", "127.0.0.1:0", "-public-url", "https://sb.example.com"}, env(creds))
	if err != nil {
		t.Fatal(err)
	}
	if got := explicit.ListeningOn(addr).PublicURL; got != "https://sb.example.com" {
		t.Errorf("explicit public URL = %q, want it kept", got)
	}
}

func TestConfigLogValueHidesSecret(t *testing.T) {
	cfg, err := web.LoadConfig(nil, env(creds))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("start", "config", cfg)
	if !strings.Contains(buf.String(), "app-id") {
		t.Fatalf("config log lacks the client id, so the check below proves nothing: %s", buf.String())
	}
	if strings.Contains(buf.String(), "s3cret-value") {
		t.Errorf("logging the config reveals the client secret: %s", buf.String())
	}
}
