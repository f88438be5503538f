package web

import "switchboard/handlers"

// WithDemo hands the router pages demo mode's call simulator: the
// in-process Dialpad placing calls, and the demo routing service. It is
// only used when the config says demo, so the demo panel never shows
// against a real Dialpad.
func WithDemo(d handlers.DemoControl) Option {
	return func(s *Server) { s.demo = d }
}

// demoControl is the simulator when demo mode is on, else nil.
func (s *Server) demoControl() handlers.DemoControl {
	if !s.cfg.Demo {
		return nil
	}
	return s.demo
}
