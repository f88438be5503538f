// Command loadtest starts a Dialpad emulator and the console in this
// process, on loopback, signs in N people through the emulator's consent
// page, and has them view pages and save for a set time. It then prints
// throughput, latency percentiles, errors, the Dialpad calls per second the
// emulator saw, and the process's resident memory.
//
//	go run ./cmd/loadtest -people 200 -duration 60s
//
// Everything is bounded: people, duration and requests in flight, and only
// 127.0.0.1 is ever contacted.
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
	"runtime/pprof"
	"syscall"
	"time"
)

// Bounds: a load test must never run away.
const (
	maxPeople   = 1000
	maxDuration = 10 * time.Minute
)

type options struct {
	people    int
	duration  time.Duration
	think     time.Duration // pause between one person's requests
	saveEvery int           // one request in saveEvery is a save (0: none)
	offices   int           // > 0: a large company (with centers)
	centers   int
	pageSize  int
	path      string // only this page, when set
	profile   string // CPU profile of the run, when set
	ownTokens bool   // each person's own token instead of the company key
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	var o options
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.IntVar(&o.people, "people", 200, "people signed in at once")
	fs.DurationVar(&o.duration, "duration", 60*time.Second, "how long they click around")
	fs.DurationVar(&o.think, "think", time.Second, "each person's pause between requests (±50%)")
	fs.IntVar(&o.saveEvery, "save-every", 50, "one request in this many is a save by an admin (0: none)")
	fs.IntVar(&o.offices, "offices", 0, "generate a large company: offices (0: the demo seed)")
	fs.IntVar(&o.centers, "callcenters", 0, "generate a large company: call centers")
	fs.IntVar(&o.pageSize, "page-size", 100, "the emulator's list page size")
	fs.StringVar(&o.path, "path", "", "view only this page (e.g. /callcenters); no saves")
	fs.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of the run to this file")
	fs.BoolVar(&o.ownTokens, "own-tokens", false, "every call with the person's own token (default: the company key and the demo's roles, as demo mode runs)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.people < 1 || o.people > maxPeople || o.duration <= 0 || o.duration > maxDuration {
		return fmt.Errorf("people must be 1..%d and duration up to %v", maxPeople, maxDuration)
	}

	st, err := startStack(o)
	if err != nil {
		return err
	}
	defer st.close()
	fmt.Fprintf(out, "console %s, emulator %s; signing in %d people...\n", st.consoleURL, st.emulatorURL, o.people)

	people, err := signIn(ctx, st, o.people)
	if err != nil {
		return err
	}
	// Sign-in's own calls (users/me) spend the company's budget at
	// Dialpad; let it refill before the clock starts.
	if !pause(ctx, 2*time.Second) {
		return ctx.Err()
	}
	fmt.Fprintf(out, "running for %v (think %v, a save every %d requests)...\n", o.duration, o.think, o.saveEvery)
	rec := newRecorder()
	apiBefore := st.apiCalls()
	calls := sampleCalls(ctx, st, o.duration)
	if o.profile != "" {
		stopProfile, err := startProfile(o.profile)
		if err != nil {
			return err
		}
		defer stopProfile()
	}
	runCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	started := time.Now()
	drive(runCtx, people, st, o, rec)
	elapsed := time.Since(started)
	perSecond := <-calls
	rec.report(out, elapsed)
	total := st.apiCalls() - apiBefore
	fmt.Fprintf(out, "dialpad calls: %d in all, %.1f/s on average, %.1f/s at most over any sampled second (Dialpad allows 20)\n",
		total, float64(total)/elapsed.Seconds(), perSecond)
	fmt.Fprintf(out, "resident memory: %s (this process: console, emulator and load generator)\n", rss())
	return nil
}

// listenLoopback opens a port on 127.0.0.1 only.
func listenLoopback() (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:0")
}

func startProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

func quietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func serve(ln net.Listener, h http.Handler) *http.Server {
	s := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.Serve(ln) }()
	return s
}
