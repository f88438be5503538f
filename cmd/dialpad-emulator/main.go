// Command dialpad-emulator serves the in-memory Dialpad (OAuth2 and API v2)
// on its own, for running the console against it by hand or poking it with
// curl. It prints the OAuth app's credentials and the seeded users.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"text/tabwriter"
	"time"

	"switchboard/dialpad/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "dialpad-emulator:", err)
		os.Exit(1)
	}
}

// config is what the flags and the environment set.
type config struct {
	addr         string
	clientID     string
	clientSecret string
	latency      time.Duration
	pageSize     int
	rps          int
	offices      int
	callCenters  int
}

func parseConfig(args []string, getenv func(string) string) (config, error) {
	var c config
	fs := flag.NewFlagSet("dialpad-emulator", flag.ContinueOnError)
	fs.StringVar(&c.addr, "addr", envOr(getenv, "DIALPAD_EMULATOR_ADDR", "127.0.0.1:8090"), "listen address (env DIALPAD_EMULATOR_ADDR)")
	fs.StringVar(&c.clientID, "client-id", envOr(getenv, "DIALPAD_CLIENT_ID", emulator.DefaultClientID), "OAuth client id to accept (env DIALPAD_CLIENT_ID)")
	fs.StringVar(&c.clientSecret, "client-secret", envOr(getenv, "DIALPAD_CLIENT_SECRET", emulator.DefaultClientSecret), "OAuth client secret to accept (env DIALPAD_CLIENT_SECRET)")
	fs.DurationVar(&c.latency, "latency", 0, "latency added to every API request, e.g. 150ms")
	fs.IntVar(&c.pageSize, "page-size", 100, "most items a list page holds, whatever the limit asks (the limit itself defaults to 25)")
	fs.IntVar(&c.rps, "rps", 20, "company rate limit in requests per second; negative disables it")
	fs.IntVar(&c.offices, "offices", 0, "generate a large company with this many offices")
	fs.IntVar(&c.callCenters, "callcenters", 0, "generate a large company with this many call centers")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	return c, nil
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	c, err := parseConfig(args, getenv)
	if err != nil {
		return err
	}
	emu := emulator.New(emulator.Options{
		ClientID:     c.clientID,
		ClientSecret: c.clientSecret,
		PageSize:     c.pageSize,
		CompanyRPS:   c.rps,
		Offices:      c.offices,
		CallCenters:  c.callCenters,
	})
	emu.SetLatency(c.latency)

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: logRequests(emu), ReadHeaderTimeout: 10 * time.Second}
	printBanner(stdout, "http://"+ln.Addr().String(), c, emu)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// printBanner tells how to use the emulator: its URL, the OAuth app's
// credentials (the demo secret is public; another one is not printed) and
// who can sign in.
func printBanner(w io.Writer, url string, c config, emu *emulator.Emulator) {
	fmt.Fprintf(w, "Dialpad emulator listening on %s\n\n", url)
	secret := c.clientSecret
	if secret != emulator.DefaultClientSecret {
		secret = "(as configured, not shown)" // a secret of one's own never reaches the terminal
	}
	fmt.Fprintf(w, "OAuth app:  client_id=%s  client_secret=%s\n", c.clientID, secret)
	fmt.Fprintf(w, "Authorize:  %s/oauth2/authorize   Token: %s/oauth2/token (JSON body)\n", url, url)
	// This emulator's own key, minted for this run and gone with it, like
	// the demo secret above: run Switchboard with DIALPAD_API_KEY set to it
	// for company-key mode.
	fmt.Fprintf(w, "Company API key (a company admin's; DIALPAD_API_KEY=...): %s\n\n", emu.IssueCompanyKey())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "USER ID\tNAME\tEMAIL\tROLE")
	for _, p := range emu.Personas() {
		email := ""
		if len(p.User.Emails) > 0 {
			email = p.User.Emails[0]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.User.ID, p.User.DisplayName, email, p.Role)
	}
	_ = tw.Flush()
	fmt.Fprintln(w)
}

// logRequests writes one structured line per request. Query strings are left
// out: ?apikey= would carry a token.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		slog.InfoContext(r.Context(), "request", "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "duration", time.Since(start))
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the connection (Drop faults
// hijack it).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
