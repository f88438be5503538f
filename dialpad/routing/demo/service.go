// Package demo is a small routing service for demo mode and tests. It
// answers Dialpad's routing requests with a configured target, and can be
// switched at runtime into the ways real routing services fail, so a person
// can watch a router collect routing errors and get disabled.
package demo

import (
	"log/slog"
	"net/http"
	"sync"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/routing"
)

// Paths the service answers on.
const (
	RoutePath   = "/route"   // POST: the routing URL to give a router
	ControlPath = "/control" // GET: the mode page or JSON; POST mode=...: switch
)

// maxRequestBytes bounds a routing request; a real one is a few hundred bytes.
const maxRequestBytes = 64 << 10

// Options configure a Service.
type Options struct {
	Target routing.Answer // answered in healthy and slow modes
	// Secret, when set, makes the service accept only HS256 JWTs signed with
	// it, as a routing service with a router secret would.
	Secret string
	// SecretFunc, when set, is asked for the secret on each request instead:
	// demo mode follows the router's current secret, as a person copies a
	// new secret to their routing service.
	SecretFunc func() string
	// WrongTarget is answered in wrong-target mode; default the target's
	// type with an id no company has.
	WrongTarget routing.Answer
	// SlowDelay is how long slow mode waits; default Dialpad's 5 s + 1 s.
	SlowDelay time.Duration
	Logger    *slog.Logger // default slog.Default()
}

// unknownTargetID is an id no emulated company hands out.
const unknownTargetID dialpad.ID = 404

// Service is the demo routing service. It is an http.Handler; its state is
// guarded by mu, so one Service can serve many calls at once.
type Service struct {
	opts    Options
	handler http.Handler

	mu   sync.Mutex
	mode Mode
	hits int // routing requests received, valid or not (the control page shows it)
}

// New returns a healthy service.
func New(opts Options) *Service {
	if opts.WrongTarget.TargetID == 0 {
		opts.WrongTarget = routing.Answer{TargetID: unknownTargetID, TargetType: opts.Target.TargetType}
	}
	if opts.SlowDelay <= 0 {
		opts.SlowDelay = routing.DefaultTimeout + time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Service{opts: opts, mode: Healthy}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+RoutePath, s.route)
	mux.HandleFunc("GET "+ControlPath, s.showControl)
	// The control form is a state change: refuse cross-site posts to it.
	mux.Handle("POST "+ControlPath, http.NewCrossOriginProtection().Handler(http.HandlerFunc(s.switchMode)))
	s.handler = mux
	return s
}

func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// SetMode switches how the service answers from the next request on.
func (s *Service) SetMode(m Mode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode = m
}

// Mode is how the service answers now.
func (s *Service) Mode() Mode {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mode
}

// arrive counts a request and returns the mode to answer it in.
func (s *Service) arrive() Mode {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits++
	return s.mode
}
