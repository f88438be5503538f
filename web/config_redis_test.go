package web_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"switchboard/web"
)

func TestLoadConfigRedis(t *testing.T) {
	tests := []struct {
		name               string
		env                map[string]string
		sessions, redisURL string
	}{
		{"no Redis", nil, "database", ""},
		{"Redis for what instances share, sessions in the database",
			map[string]string{"SWITCHBOARD_REDIS_URL": "redis://cache:6379/2"}, "database", "redis://cache:6379/2"},
		{"sessions naming the Redis",
			map[string]string{"SWITCHBOARD_SESSION_STORE": "redis://cache:6379/0"}, "redis", "redis://cache:6379/0"},
		{"sessions in the configured Redis",
			map[string]string{"SWITCHBOARD_SESSION_STORE": "redis", "SWITCHBOARD_REDIS_URL": "redis://:pw@cache:6379/1"}, "redis", "redis://:pw@cache:6379/1"},
		{"both naming the same Redis",
			map[string]string{"SWITCHBOARD_SESSION_STORE": "redis://cache:6379/0", "SWITCHBOARD_REDIS_URL": "redis://cache:6379/0"}, "redis", "redis://cache:6379/0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := web.LoadConfig(nil, env(with(creds, tt.env)))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.SessionStore != tt.sessions || cfg.RedisURL.Reveal() != tt.redisURL {
				t.Errorf("sessions %q, Redis %q; want %q, %q", cfg.SessionStore, cfg.RedisURL.Reveal(), tt.sessions, tt.redisURL)
			}
		})
	}
}

func TestLoadConfigRedisProblems(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"redis sessions without a Redis", map[string]string{"SWITCHBOARD_SESSION_STORE": "redis"},
			"SWITCHBOARD_SESSION_STORE: redis needs SWITCHBOARD_REDIS_URL"},
		{"not a Redis URL", map[string]string{"SWITCHBOARD_REDIS_URL": "http://:hunter2@cache:6379"},
			"SWITCHBOARD_REDIS_URL: is not a Redis URL"},
		{"two Redises", map[string]string{"SWITCHBOARD_SESSION_STORE": "redis://:hunter2@a:6379/0", "SWITCHBOARD_REDIS_URL": "redis://b:6379/0"},
			"SWITCHBOARD_SESSION_STORE: names another Redis than SWITCHBOARD_REDIS_URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := web.LoadConfig(nil, env(with(creds, tt.env)))
			var ce *web.ConfigError
			if !errors.As(err, &ce) || len(ce.Problems) != 1 || !strings.Contains(ce.Problems[0], tt.want) {
				t.Fatalf("LoadConfig = %v, want one problem: %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("the error repeats the Redis password: %v", err)
			}
		})
	}
}

// TestRedisPasswordStaysHidden: a Redis URL's password reaches no log line
// and no formatted config.
func TestRedisPasswordStaysHidden(t *testing.T) {
	cfg, err := web.LoadConfig(nil, env(with(creds, map[string]string{"SWITCHBOARD_REDIS_URL": "redis://:redis-PASSWORD@cache:6379/0"})))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("start", "config", cfg)
	fmt.Fprintf(&buf, "%v %+v %#v %v", cfg, cfg, cfg, cfg.RedisURL)
	if !strings.Contains(buf.String(), "redis=true") {
		t.Fatalf("the log does not say Redis is used:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "redis-PASSWORD") {
		t.Errorf("the Redis password shows:\n%s", buf.String())
	}
}
