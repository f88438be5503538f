package handlers

import (
	"bytes"
	"context"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/spectest"
	"switchboard/static"
)

// testNow is a Wednesday: 15:00 in London, 11:00 in New York, midnight
// (Thursday) in Tokyo.
func testNow() time.Time { return time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC) }

// fixture is a Handler wired to an in-memory Dialpad, signed in as one of
// the emulator's seeded users, without the web layer.
type fixture struct {
	t      *testing.T
	emu    *emulator.Emulator
	url    string // the emulator's
	h      *Handler
	id     *Identity
	token  string
	client *dialpad.Client
	logs   *syncBuffer
}

func newFixture(t *testing.T, user dialpad.ID) *fixture {
	t.Helper()
	// The company rate limit is off: tests fire requests faster than any person.
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	// Every exchange is checked against Dialpad's spec; violations fail the test.
	srv := httptest.NewServer(spectest.Wrap(t, emu))
	t.Cleanup(srv.Close)

	token := emu.IssueToken(user)
	logs := &syncBuffer{}
	logger := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	client := dialpad.New(srv.URL,
		dialpad.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: token})),
		dialpad.WithLogger(logger))
	me, err := client.Me(t.Context())
	if err != nil {
		t.Fatalf("users/me: %v", err)
	}
	assets, err := static.New()
	if err != nil {
		t.Fatal(err)
	}
	h := &Handler{
		Logger:   logger,
		Sessions: scs.New(),
		Assets:   assets,
		FormKey:  []byte("test-form-key-test-form-key-0000"),
		Now:      testNow,
	}
	return &fixture{t: t, emu: emu, url: srv.URL, h: h, id: ownTokenIdentity(*me, client), token: token, client: client, logs: logs}
}

// do serves one request through the session middleware, signed in unless
// signedOut, with extra headers.
func (f *fixture) do(handler http.HandlerFunc, req *http.Request, signedOut bool) *httptest.ResponseRecorder {
	f.t.Helper()
	if !signedOut {
		req = req.WithContext(WithIdentity(req.Context(), f.id))
	}
	rec := httptest.NewRecorder()
	f.h.Sessions.LoadAndSave(handler).ServeHTTP(rec, req)
	return rec
}

// get requests target signed in; headers come in name, value pairs.
func (f *fixture) get(handler http.HandlerFunc, target string, headers ...string) *httptest.ResponseRecorder {
	f.t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	return f.do(handler, req, false)
}

// fault injects an emulator fault for the rest of the test.
func (f *fixture) fault(fl emulator.Fault) {
	f.t.Cleanup(f.emu.InjectFault(fl))
}

// The lists below are the truth the pages should show, read now.

func (f *fixture) callCenters(filter dialpad.ListFilter) []dialpad.CallCenter {
	f.t.Helper()
	ccs, err := f.client.CallCenters(context.Background(), filter)
	return must(f.t, ccs, err)
}

func (f *fixture) departments(filter dialpad.ListFilter) []dialpad.Department {
	f.t.Helper()
	ds, err := f.client.Departments(context.Background(), filter)
	return must(f.t, ds, err)
}

func (f *fixture) offices() []dialpad.Office {
	f.t.Helper()
	os, err := f.client.Offices(context.Background())
	return must(f.t, os, err)
}

func (f *fixture) routers() []dialpad.CallRouter {
	f.t.Helper()
	rs, err := f.client.CallRouters(context.Background(), dialpad.ListFilter{})
	return must(f.t, rs, err)
}

// must returns v, failing the test at once on err.
func must[T any](t *testing.T, v T, err error) T {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// assertNoSecrets fails when the token shows up in a page or a log line.
func (f *fixture) assertNoSecrets(body string) {
	f.t.Helper()
	if strings.Contains(body, f.token) {
		f.t.Error("page contains the access token")
	}
	if strings.Contains(f.logs.String(), f.token) {
		f.t.Error("log contains the access token")
	}
}

// rows returns the HTML of each table row marked with data-testid=testID.
func rows(body, testID string) []string {
	marker := `data-testid="` + testID + `"`
	parts := strings.Split(body, marker)
	out := make([]string, 0, len(parts))
	for _, p := range parts[1:] {
		if end := strings.Index(p, "</tr>"); end >= 0 {
			p = p[:end]
		}
		out = append(out, p)
	}
	return out
}

// rowFor returns the row naming name, or "" when there is none.
func rowFor(rs []string, name string) string {
	esc := ">" + html.EscapeString(name) + "<"
	for _, r := range rs {
		if strings.Contains(r, esc) {
			return r
		}
	}
	return ""
}

// syncBuffer is a log sink the handlers' goroutines may share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// ownTokenIdentity is the person as web makes them in own-token mode: the
// client carries their token and their role is what Dialpad implies.
func ownTokenIdentity(me dialpad.User, client *dialpad.Client) *Identity {
	return &Identity{User: me, Client: client, Rights: access.Resolve(access.OwnTokens, me, nil), Credential: audit.OwnToken}
}
