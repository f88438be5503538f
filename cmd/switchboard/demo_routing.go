package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/routing"
	"switchboard/dialpad/routing/demo"
)

// demoRouting is demo mode's routing side: one demo routing service per
// seeded router, all on one loopback listener under /{router id}/, so each
// router can be made to fail on its own, and the emulator placing calls on
// them. It is the router pages' handlers.DemoControl.
type demoRouting struct {
	emu      *emulator.Emulator
	server   *http.Server
	services map[dialpad.ID]demoService // fixed once started
}

type demoService struct {
	svc *demo.Service
	url string // the routing URL the router was given
}

// startDemoRouting serves the routing services and points every seeded
// router at its own, before the console serves anyone. A router that signs
// its requests gets a fresh secret; each service checks whatever secret its
// router has, so one set later in the console keeps calls routed.
func startDemoRouting(emu *emulator.Emulator, logger *slog.Logger, errc chan<- error) (*demoRouting, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("starting the demo routing service: %w", err)
	}
	base := "http://" + ln.Addr().String()
	mux := http.NewServeMux()
	d := &demoRouting{emu: emu, services: map[dialpad.ID]demoService{}}
	for _, cr := range emu.CallRouters() {
		opts := demo.Options{
			Target: routing.Answer{TargetID: cr.DefaultTargetID, TargetType: cr.DefaultTargetType},
			Logger: logger,
		}
		var secret string
		if cr.Signature != nil && cr.Signature.Algo != "" {
			secret = demoSecret()
		}
		// The service checks the router's secret of the moment: a secret
		// set in the console reaches it as if the person copied it there.
		id := cr.ID
		opts.SecretFunc = func() string { return emu.RouterSecret(id) }
		prefix := "/" + cr.ID.String()
		svc := demo.New(opts)
		mux.Handle(prefix+"/", http.StripPrefix(prefix, svc))
		url := base + prefix + demo.RoutePath
		err := emu.MutateCallRouter(cr.ID, func(r *dialpad.CallRouter) {
			r.RoutingURL = url
			if secret != "" {
				r.Signature = &dialpad.Signature{Secret: secret}
			}
		})
		if err != nil {
			_ = ln.Close()
			return nil, fmt.Errorf("pointing router %s at the demo routing service: %w", cr.ID, err)
		}
		d.services[cr.ID] = demoService{svc: svc, url: url}
	}
	d.server = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go serve(d.server, ln, errc)
	return d, nil
}

// demoSecret is a signing secret for a demo router and its service.
func demoSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// PlaceCall places a call from a fictional number on the router.
func (d *demoRouting) PlaceCall(ctx context.Context, routerID dialpad.ID) (routing.Result, error) {
	return d.emu.PlaceCall(ctx, routerID, "")
}

// ErrorCount is the router's routing errors in the past hour.
func (d *demoRouting) ErrorCount(routerID dialpad.ID) int {
	return d.emu.RouterErrorCount(routerID)
}

// RoutingService reports whether the router still points at its demo
// service (a person may have changed its URL since), and whether that fails.
func (d *demoRouting) RoutingService(routerID dialpad.ID, routingURL string) (failing, ok bool) {
	s, ok := d.services[routerID]
	if !ok || s.url != routingURL {
		return false, false
	}
	return s.svc.Mode() != demo.Healthy, true
}

// SetRoutingFailing makes the router's service answer 500, or heal it.
func (d *demoRouting) SetRoutingFailing(routerID dialpad.ID, failing bool) bool {
	s, ok := d.services[routerID]
	if !ok {
		return false
	}
	mode := demo.Healthy
	if failing {
		mode = demo.Error500
	}
	s.svc.SetMode(mode)
	return true
}
