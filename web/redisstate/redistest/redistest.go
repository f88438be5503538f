// Package redistest starts a throwaway redis-server for tests, from the
// binary Debian's redis-server package installs, on a free loopback port
// in a temporary directory, with nothing saved to disk.
package redistest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"
)

// ErrUnavailable means redis-server is not installed here.
var ErrUnavailable = errors.New("redistest: redis-server is not installed (apt-get install redis-server)")

// databases is how many numbered databases the server offers: one per test
// that asks (URL), so tests on one server never see each other's keys.
const databases = 1000

// Redis is a running throwaway server.
type Redis struct {
	bin  string
	dir  string
	port int

	mu  sync.Mutex
	cmd *exec.Cmd
	n   int // databases handed out so far
}

// Main runs a package's tests with one shared server in *r, as TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(redistest.Main(m, &rdb)) }
//
// Without redis-server installed *r stays nil and the Redis tests skip,
// except in CI (CI=true), where that is a failure.
func Main(m *testing.M, r **Redis) int {
	s, err := Start()
	switch {
	case err == nil:
		*r = s
		defer func() {
			if err := s.Stop(); err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
		}()
	case errors.Is(err, ErrUnavailable) && os.Getenv("CI") != "true":
		fmt.Fprintln(os.Stderr, "redistest: Redis tests skipped:", err)
	default:
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// Require returns r, skipping the test when Redis is not installed (Main
// already failed the package in CI).
func Require(t testing.TB, r *Redis) *Redis {
	t.Helper()
	if r == nil {
		t.Skip(ErrUnavailable)
	}
	return r
}

// Start runs a server on a free loopback port.
func Start() (*Redis, error) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		return nil, ErrUnavailable
	}
	dir, err := os.MkdirTemp("", "redistest-")
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	r := &Redis{bin: bin, dir: dir, port: port}
	if err := r.start(); err != nil {
		_ = r.Stop()
		return nil, err
	}
	return r, nil
}

// URL is a Redis URL of a database no other caller of URL gets.
func (r *Redis) URL() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	return fmt.Sprintf("redis://127.0.0.1:%d/%d", r.port, r.n%databases)
}

// Kill stops the server abruptly, as a crash or a network cut would.
func (r *Redis) Kill() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cmd == nil {
		return nil
	}
	err := r.cmd.Process.Kill()
	_ = r.cmd.Wait()
	r.cmd = nil
	return err
}

// Restart starts the server again on the same port (empty: nothing was
// saved), once Kill stopped it.
func (r *Redis) Restart() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.startLocked()
}

// Stop ends the server and removes its directory.
func (r *Redis) Stop() error {
	err := r.Kill()
	return errors.Join(err, os.RemoveAll(r.dir))
}

func (r *Redis) start() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.startLocked()
}

func (r *Redis) startLocked() error {
	if r.cmd != nil {
		return nil
	}
	cmd := exec.Command(r.bin,
		"--port", strconv.Itoa(r.port), "--bind", "127.0.0.1",
		"--dir", r.dir, "--save", "", "--appendonly", "no",
		"--databases", strconv.Itoa(databases), "--daemonize", "no",
		"--logfile", "", "--loglevel", "warning")
	log, err := os.OpenFile(r.dir+"/redis.log", os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer log.Close()
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return err
	}
	r.cmd = cmd
	// Ready once it accepts connections; it takes milliseconds.
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(r.port))
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = c.Close()
			return nil
		}
		if time.Now().After(deadline) {
			out, _ := os.ReadFile(r.dir + "/redis.log")
			return fmt.Errorf("redistest: redis-server did not start on %s: %w\n%s", addr, err, out)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
