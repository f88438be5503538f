package emulator_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// testNow is a Wednesday: 10:00 in New York, 15:00 in London, 00:00
// (Thursday) in Tokyo.
func testNow() time.Time { return time.Date(2026, time.March, 4, 15, 0, 0, 0, time.UTC) }

// clock is a settable clock for Options.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// fixture is an emulator behind an httptest server, on a test clock.
type fixture struct {
	t     *testing.T
	emu   *emulator.Emulator
	srv   *httptest.Server
	clock *clock
}

// newFixture starts an emulator. Unless opts says otherwise the company
// rate limit is off (the test clock does not move by itself, so the bucket
// would never refill).
func newFixture(t *testing.T, opts emulator.Options) *fixture {
	t.Helper()
	c := &clock{now: testNow()}
	if opts.Now == nil {
		opts.Now = c.Now
	}
	if opts.CompanyRPS == 0 {
		opts.CompanyRPS = -1
	}
	emu := emulator.New(opts)
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	return &fixture{t: t, emu: emu, srv: srv, clock: c}
}

// response is an answered request.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request with a bearer token (none when token is ""); body is
// marshalled unless it is a string or nil.
func (f *fixture) do(method, path, token string, body any) response {
	f.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			f.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, f.srv.URL+path, rd)
	if err != nil {
		f.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return f.send(req)
}

func (f *fixture) send(req *http.Request) response {
	f.t.Helper()
	client := f.srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := client.Do(req)
	if err != nil {
		f.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

// admin returns a token of the company admin.
func (f *fixture) admin() string { return f.emu.IssueToken(emulator.AdminUserID) }

// decode unmarshals a 2xx body into v.
func (f *fixture) decode(r response, v any) {
	f.t.Helper()
	if r.status/100 != 2 {
		f.t.Fatalf("status %d: %s", r.status, r.body)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		f.t.Fatalf("decode %s: %v", r.body, err)
	}
}

// page is a list response.
type page[T any] struct {
	Items  []T    `json:"items"`
	Cursor string `json:"cursor"`
}

// listAll follows cursors to the end of a list.
func listAll[T any](f *fixture, path string) []T {
	f.t.Helper()
	var all []T
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	cursor := ""
	for range 1000 {
		p := path
		if cursor != "" {
			p += sep + "cursor=" + cursor
		}
		var pg page[T]
		f.decode(f.do("GET", p, f.admin(), nil), &pg)
		all = append(all, pg.Items...)
		if pg.Cursor == "" {
			return all
		}
		cursor = pg.Cursor
	}
	f.t.Fatal("list never ends")
	return nil
}

// callCenter finds a seeded call center by name.
func (f *fixture) callCenter(name string) dialpad.CallCenter {
	f.t.Helper()
	for _, cc := range listAll[dialpad.CallCenter](f, "/api/v2/callcenters") {
		if cc.Name == name {
			return cc
		}
	}
	f.t.Fatalf("no call center %q", name)
	return dialpad.CallCenter{}
}

func (f *fixture) department(name string) dialpad.Department {
	f.t.Helper()
	for _, d := range listAll[dialpad.Department](f, "/api/v2/departments") {
		if d.Name == name {
			return d
		}
	}
	f.t.Fatalf("no department %q", name)
	return dialpad.Department{}
}

func (f *fixture) office(name string) dialpad.Office {
	f.t.Helper()
	for _, o := range listAll[dialpad.Office](f, "/api/v2/offices") {
		if o.Name == name {
			return o
		}
	}
	f.t.Fatalf("no office %q", name)
	return dialpad.Office{}
}

func (f *fixture) router(name string) dialpad.CallRouter {
	f.t.Helper()
	for _, r := range listAll[dialpad.CallRouter](f, "/api/v2/callrouters") {
		if r.Name == name {
			return r
		}
	}
	f.t.Fatalf("no call router %q", name)
	return dialpad.CallRouter{}
}

// errorMessage reads Dialpad's error body.
func errorMessage(t *testing.T, r response) string {
	t.Helper()
	var body struct {
		Error struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
			Errors  []struct {
				Domain, Reason, Message string
			} `json:"errors"`
		} `json:"error"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("not a Dialpad error body: %s", r.body)
	}
	if body.Error.Code != r.status || len(body.Error.Errors) != 1 || body.Error.Errors[0].Message != body.Error.Message {
		t.Fatalf("malformed Dialpad error body for %d: %s", r.status, r.body)
	}
	return body.Error.Message
}

// wantError checks a status and that the error message contains want.
func wantError(t *testing.T, r response, status int, want string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status = %d, want %d; body %s", r.status, status, r.body)
	}
	if msg := errorMessage(t, r); !strings.Contains(msg, want) {
		t.Fatalf("message = %q, want it to contain %q", msg, want)
	}
}

func path(format string, ids ...dialpad.ID) string {
	s := format
	for _, id := range ids {
		s = strings.Replace(s, "%s", id.String(), 1)
	}
	return s
}
