// Package emulator is an in-memory Dialpad: the OAuth2 endpoints and the
// subset of API v2 that Switchboard uses, faithful to Dialpad's OpenAPI spec
// (field names, enums, ranges, error bodies, ids encoded as JSON strings,
// rate limits). It backs demo mode and every test that needs a Dialpad, and
// carries test knobs (latency, injected faults, request recording) so tests
// can prove how the console behaves when Dialpad misbehaves.
package emulator

import (
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"

	"switchboard/dialpad"
)

// The OAuth app the emulator accepts when Options leave it empty.
const (
	DefaultClientID     = "switchboard-demo"
	DefaultClientSecret = "switchboard-demo-secret"
)

// Options configures an Emulator. The zero value is a ready demo company.
type Options struct {
	ClientID, ClientSecret string           // OAuth app the emulator accepts; defaults DefaultClientID / DefaultClientSecret
	Now                    func() time.Time // clock for token expiry, code expiry and rate limits; default time.Now
	TokenTTL               time.Duration    // access token lifetime (expires_in); default 1h
	PageSize               int              // most items a list page holds whatever the limit asks; default 100, the spec's largest limit
	CompanyRPS             int              // company rate limit, requests/s; default 20; negative disables
	Offices, CallCenters   int              // > 0: generate a large company instead of the demo seed (benchmarks)
}

func (o Options) withDefaults() Options {
	if o.ClientID == "" {
		o.ClientID = DefaultClientID
	}
	if o.ClientSecret == "" {
		o.ClientSecret = DefaultClientSecret
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.TokenTTL <= 0 {
		o.TokenTTL = time.Hour
	}
	if o.PageSize <= 0 {
		o.PageSize = maxLimit
	}
	if o.CompanyRPS == 0 {
		o.CompanyRPS = 20
	}
	return o
}

// Emulator is an http.Handler serving Dialpad's OAuth2 endpoints and API v2.
// It is safe for concurrent use.
type Emulator struct {
	opts    Options
	handler http.Handler
	consent *template.Template

	// mu guards everything below. Handlers hold it only while they read or
	// change state, never while they write to the network.
	mu       sync.Mutex
	st       *store
	grants   grantStore
	bucket   tokenBucket
	faults   []*activeFault
	latency  time.Duration
	requests []Request
}

// New builds an emulator seeded with the demo company, or with a generated
// large company when opts.Offices or opts.CallCenters is positive.
func New(opts Options) *Emulator {
	opts = opts.withDefaults()
	e := &Emulator{
		opts:    opts,
		consent: consentTemplate(),
		grants:  newGrantStore(),
		bucket:  newTokenBucket(opts.CompanyRPS, opts.Now()),
	}
	if opts.Offices > 0 || opts.CallCenters > 0 {
		e.st = seedLarge(opts.Offices, opts.CallCenters)
	} else {
		e.st = seedDemo(opts.Now())
	}
	e.handler = e.routes()
	return e
}

// ServeHTTP records API requests, applies latency and injected faults, then
// routes the request.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if !e.record(w, r) {
			return
		}
		if !e.delay(r) {
			return
		}
	}
	if e.applyFault(w, r) {
		return
	}
	e.handler.ServeHTTP(w, r)
}

func (e *Emulator) now() time.Time { return e.opts.Now() }

// Persona is a seeded user and the role it plays in the demo.
type Persona struct {
	User dialpad.User
	Role string
}

// Personas lists the seeded users offered on the consent page, role users
// first.
func (e *Emulator) Personas() []Persona {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]Persona, 0, len(e.st.users.order))
	for _, u := range e.st.users.all() {
		out = append(out, Persona{User: clone(u.User), Role: u.role})
	}
	return out
}
