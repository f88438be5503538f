// Package storetest starts a throwaway PostgreSQL server for tests, from
// the binaries Debian's postgresql package installs, so database tests run
// against the real thing and not only SQLite.
package storetest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for creating databases
)

// ErrUnavailable means PostgreSQL is not installed here.
var ErrUnavailable = errors.New("storetest: PostgreSQL is not installed (apt-get install postgresql)")

// Postgres is a running throwaway cluster on a loopback port.
type Postgres struct {
	dir   string // the cluster, its socket and its log; removed by Stop
	bin   string // PostgreSQL's bin directory
	run   []string
	port  int
	admin *sql.DB

	mu sync.Mutex
	n  int // databases created so far, for unique names
}

// Main runs a package's tests with one shared server in *pg, as TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m, &pg)) }
//
// Without PostgreSQL installed *pg stays nil and the PostgreSQL tests skip,
// except in CI (CI=true), where that is a failure.
func Main(m *testing.M, pg **Postgres) int {
	p, err := Start()
	switch {
	case err == nil:
		*pg = p
		defer func() {
			if err := p.Stop(); err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
		}()
	case errors.Is(err, ErrUnavailable) && os.Getenv("CI") != "true":
		fmt.Fprintln(os.Stderr, "storetest: PostgreSQL tests skipped:", err)
	default:
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// Start creates a cluster in a temporary directory and starts it on a free
// loopback port. As root it runs as the postgres system user, since
// PostgreSQL refuses to run as root.
func Start() (*Postgres, error) {
	bin, err := findBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "storetest-pg-")
	if err != nil {
		return nil, err
	}
	p := &Postgres{dir: dir, bin: bin}
	if err := p.start(); err != nil {
		_ = p.Stop()
		return nil, err
	}
	return p, nil
}

func (p *Postgres) start() error {
	if os.Geteuid() == 0 {
		if err := p.runAsPostgres(); err != nil {
			return err
		}
	}
	data := filepath.Join(p.dir, "data")
	if err := p.cmd("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync").Run(); err != nil {
		return fmt.Errorf("storetest: initdb: %w", err)
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	// Durability is worthless for a test cluster; speed is not.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, p.dir)
	if out, err := p.cmd("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(p.dir, "log"), "-o", opts).CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(p.dir, "log"))
		return fmt.Errorf("storetest: pg_ctl start: %w\n%s\n%s", err, out, log)
	}
	p.port = port
	admin, err := sql.Open("pgx", p.url("postgres"))
	if err != nil {
		return err
	}
	p.admin = admin
	return admin.Ping()
}

// runAsPostgres hands the directory to the postgres user (created by
// Debian's package) and runs every command as that user.
func (p *Postgres) runAsPostgres() error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("storetest: running as root needs the postgres system user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(p.dir, uid, gid); err != nil {
		return err
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil && isFile("/usr/sbin/runuser") {
		runuser, err = "/usr/sbin/runuser", nil // root's PATH may lack sbin
	}
	if err != nil {
		return fmt.Errorf("storetest: running as root needs runuser (util-linux): %w", err)
	}
	p.run = []string{runuser, "-u", "postgres", "--"}
	return nil
}

func (p *Postgres) cmd(name string, args ...string) *exec.Cmd {
	argv := append(slices.Clone(p.run), filepath.Join(p.bin, name))
	argv = append(argv, args...)
	c := exec.Command(argv[0], argv[1:]...)
	c.Dir = p.dir
	return c
}

// Stop stops the server and removes its directory.
func (p *Postgres) Stop() error {
	var errs []error
	if p.admin != nil {
		errs = append(errs, p.admin.Close())
	}
	if p.port != 0 {
		if out, err := p.cmd("pg_ctl", "stop", "-D", filepath.Join(p.dir, "data"), "-m", "immediate", "-w").CombinedOutput(); err != nil {
			errs = append(errs, fmt.Errorf("storetest: pg_ctl stop: %w: %s", err, out))
		}
	}
	errs = append(errs, os.RemoveAll(p.dir))
	return errors.Join(errs...)
}

// NewDatabase gives one test an empty schema of its own in the shared
// database and returns a URL whose search_path points at it: creating a
// schema takes milliseconds, a database a second.
func (p *Postgres) NewDatabase(t testing.TB) string {
	t.Helper()
	p.mu.Lock()
	p.n++
	name := fmt.Sprintf("test_%d", p.n)
	p.mu.Unlock()
	if _, err := p.admin.ExecContext(context.Background(), "CREATE SCHEMA "+name); err != nil {
		t.Fatalf("storetest: creating schema %s: %v", name, err)
	}
	return p.url("postgres") + "&search_path=" + name
}

func (p *Postgres) url(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", p.port, db)
}

// findBin picks the newest /usr/lib/postgresql/N/bin holding initdb and pg_ctl.
func findBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int { return versionOf(b) - versionOf(a) })
	for _, d := range dirs {
		if isFile(filepath.Join(d, "initdb")) && isFile(filepath.Join(d, "pg_ctl")) {
			return d, nil
		}
	}
	return "", ErrUnavailable
}

func versionOf(bin string) int {
	n, _ := strconv.Atoi(strings.Split(filepath.Base(filepath.Dir(bin)), ".")[0])
	return n
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// freePort asks the kernel for a free loopback port. Another process could
// take it before PostgreSQL does; pg_ctl then fails loudly.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
