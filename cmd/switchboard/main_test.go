package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/web"
)

func TestRunDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, stdout := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-demo", "-addr", "127.0.0.1:0"}, func(string) string { return "" }, stdout)
		stdout.Close()
	}()

	// Read the banner, then keep draining the log so the server never blocks.
	banner := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "Switchboard demo:") {
				banner <- sc.Text()
			}
		}
		close(banner)
	}()
	line, ok := <-banner
	if !ok {
		t.Fatalf("run ended without printing the demo banner: %v", <-done)
	}
	m := regexp.MustCompile(`^Switchboard demo: open (http://127\.0\.0\.1:\d+) and sign in as any demo user \(Dialpad emulator on (http://127\.0\.0\.1:\d+)\)$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("banner %q does not match the promised format", line)
	}
	console, emu := m[1], m[2]

	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Get(console + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("healthz = %d, want 200", res.StatusCode)
	}
	// /login hands over to the in-process emulator, with the callback on the real port.
	res, err = client.Get(console + "/login")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, emu+"/oauth2/authorize?") || !strings.Contains(loc, "redirect_uri="+url.QueryEscape(console+"/auth/callback")) {
		t.Errorf("login redirects to %q, want the emulator's authorize URL with a callback on %s", loc, console)
	}
	page, err := client.Get(loc)
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if page.StatusCode != http.StatusOK {
		t.Errorf("emulator consent page = %d, want 200", page.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run after shutdown = %v, want nil", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not return after the context ended")
	}
}

func TestRunRefusesBadConfig(t *testing.T) {
	err := run(context.Background(), nil, func(k string) string {
		return map[string]string{"DIALPAD_CLIENT_SECRET": "top-secret", "SWITCHBOARD_ADDR": "nope"}[k]
	}, io.Discard)
	var ce *web.ConfigError
	if !errors.As(err, &ce) || len(ce.Problems) != 2 {
		t.Fatalf("run = %v, want a ConfigError with 2 problems (address, client id)", err)
	}
	if strings.Contains(err.Error(), "top-secret") {
		t.Error("the error repeats the client secret")
	}
}
