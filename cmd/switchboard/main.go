// Command switchboard serves the Switchboard console. With -demo it runs a
// Dialpad emulator in the same process and signs people in against it.
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
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web"
)

// shutdownTimeout is how long in-flight requests get to finish on SIGTERM.
const shutdownTimeout = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "switchboard:", err)
		os.Exit(1)
	}
}

// run serves until ctx ends, then shuts down gracefully.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) > 0 && isCommand(args[0]) {
		return runCommand(ctx, args, getenv, stdout, osUser())
	}
	cfg, err := web.LoadConfig(args, getenv)
	if errors.Is(err, flag.ErrHelp) {
		web.Usage(stdout)
		return err
	}
	if err != nil {
		return err
	}
	logger := newLogger(cfg, stdout)

	storage, err := web.OpenStorage(ctx, cfg)
	if err != nil {
		return err
	}
	// Deferred, so the database closes after the servers have shut down.
	defer func() {
		if err := storage.Close(); err != nil {
			logger.Error("closing the database", "err", err)
		}
	}()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.Addr, err)
	}
	cfg = cfg.ListeningOn(ln.Addr())

	servers := []*http.Server{}
	errc := make(chan error, 3)
	webOpts := []web.Option{web.WithStorage(storage)}
	if cfg.Demo {
		emu, err := startEmulator(errc)
		if err != nil {
			_ = ln.Close()
			return err
		}
		servers = append(servers, emu.server)
		cfg.DialpadURL = emu.url
		cfg.ClientID, cfg.ClientSecret = emulator.DefaultClientID, emulator.DefaultClientSecret
		cfg.AllowPrivateRoutingURLs = true
		// The demo runs in company-key mode: the emulator's company key
		// makes every call and the seeded grants decide who may do what.
		cfg.DialpadAPIKey = web.Secret(emu.emu.IssueCompanyKey())
		if err := web.SeedDemoGrants(ctx, storage.DB.Grants(), emu.emu); err != nil {
			_ = ln.Close()
			shutdown(logger, servers)
			return err
		}
		// The routers point at local routing services before anyone signs in.
		routers, err := startDemoRouting(emu.emu, logger, errc)
		if err != nil {
			_ = ln.Close()
			shutdown(logger, servers)
			return err
		}
		servers = append(servers, routers.server)
		webOpts = append(webOpts, web.WithDemo(routers))
	}

	srv, err := web.New(cfg, logger, webOpts...)
	if err != nil {
		_ = ln.Close()
		shutdown(logger, servers)
		return err
	}
	console := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	servers = append([]*http.Server{console}, servers...)
	go serve(console, ln, errc)

	logger.Info("switchboard listening", "config", cfg)
	if cfg.Demo {
		fmt.Fprintf(stdout, "Switchboard demo: open %s and sign in as any demo user (Dialpad emulator on %s)\n", cfg.PublicURL, cfg.DialpadURL)
		fmt.Fprintln(stdout, "Company-key mode: Dana is admin, Oliver office admin of London, Priya support, Marcus viewer; Sofia has no role.")
	}

	select {
	case <-ctx.Done():
		logger.Info("shutting down")
		shutdown(logger, servers)
		return nil
	case err := <-errc:
		shutdown(logger, servers)
		return err
	}
}

type demoEmulator struct {
	server *http.Server
	url    string
	emu    *emulator.Emulator
}

// startEmulator serves a demo emulator on a free loopback port.
func startEmulator(errc chan<- error) (*demoEmulator, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the demo emulator: %w", err)
	}
	emu := emulator.New(emulator.Options{})
	s := &http.Server{Handler: emu, ReadHeaderTimeout: 10 * time.Second}
	go serve(s, ln, errc)
	return &demoEmulator{server: s, url: "http://" + ln.Addr().String(), emu: emu}, nil
}

func serve(s *http.Server, ln net.Listener, errc chan<- error) {
	if err := s.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		errc <- err
	}
}

// shutdown stops the servers in order (the console first, then the
// emulator it may still be calling, then the demo routing services the
// emulator calls), each within shutdownTimeout.
func shutdown(logger *slog.Logger, servers []*http.Server) {
	for _, s := range servers {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		if err := s.Shutdown(ctx); err != nil {
			logger.Error("shutdown", "err", err)
		}
		cancel()
	}
}

// newLogger logs JSON lines for log collectors, and plain text in demo mode,
// where a person reads the terminal.
func newLogger(cfg web.Config, w io.Writer) *slog.Logger {
	if cfg.Demo {
		return slog.New(slog.NewTextHandler(w, nil))
	}
	return slog.New(slog.NewJSONHandler(w, nil))
}
