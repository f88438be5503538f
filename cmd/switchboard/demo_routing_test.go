package main

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/routing"
)

func TestDemoRoutingPointsEveryRouterAtItsService(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	errc := make(chan error, 1)
	d, err := startDemoRouting(emu, slog.New(slog.DiscardHandler), errc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.server.Close() })

	routers := emu.CallRouters()
	var vip, hotline, shipments dialpad.CallRouter
	for _, cr := range routers {
		if !strings.HasPrefix(cr.RoutingURL, "http://127.0.0.1:") || !strings.HasSuffix(cr.RoutingURL, "/"+cr.ID.String()+"/route") {
			t.Errorf("router %q points at %q, not its demo service", cr.Name, cr.RoutingURL)
		}
		if failing, ok := d.RoutingService(cr.ID, cr.RoutingURL); !ok || failing {
			t.Errorf("router %q: service ok %v, failing %v; want a healthy service", cr.Name, ok, failing)
		}
		switch cr.Name {
		case "VIP Customer Router":
			vip = cr
		case "Carrier Hotline Router":
			hotline = cr
		case "Shipment Status Lookup":
			shipments = cr
		}
	}

	// The signed router's service checks the secret the router signs with.
	for _, cr := range []dialpad.CallRouter{vip, shipments} {
		res, err := d.PlaceCall(t.Context(), cr.ID)
		if err != nil || res.IsRoutingError() {
			t.Errorf("call on healthy %q: %+v, %v; want it routed", cr.Name, res, err)
		}
	}
	if _, err := d.PlaceCall(t.Context(), hotline.ID); !errors.Is(err, emulator.ErrRouterDisabled) {
		t.Errorf("call on the disabled seed router: %v, want ErrRouterDisabled", err)
	}

	// A failing service disables the router after more than 10 errors.
	if !d.SetRoutingFailing(shipments.ID, true) {
		t.Fatal("no demo service for the router")
	}
	for i := range 11 {
		if res, err := d.PlaceCall(t.Context(), shipments.ID); err != nil || !res.IsRoutingError() {
			t.Fatalf("call %d on a failing service: %+v, %v", i+1, res, err)
		}
	}
	if n := d.ErrorCount(shipments.ID); n != 11 {
		t.Errorf("error count = %d, want 11", n)
	}
	if _, err := d.PlaceCall(t.Context(), shipments.ID); !errors.Is(err, emulator.ErrRouterDisabled) {
		t.Errorf("after 11 errors: %v, want the router disabled", err)
	}

	// A router pointed elsewhere no longer has a demo service to switch.
	if _, ok := d.RoutingService(vip.ID, "https://routing.example.com/"); ok {
		t.Error("a router moved off its demo service still reports one")
	}
	if d.SetRoutingFailing(42, true) {
		t.Error("an unknown router has a demo service")
	}
	select {
	case err := <-errc:
		t.Fatalf("demo routing server failed: %v", err)
	default:
	}
}

// A secret set on a router later (in the console) reaches its demo service,
// as a person copies it to their routing service: calls stay routed, and a
// request signed with anything else is refused.
func TestDemoRoutingFollowsTheRoutersSecret(t *testing.T) {
	emu := emulator.New(emulator.Options{})
	d, err := startDemoRouting(emu, slog.New(slog.DiscardHandler), make(chan error, 1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.server.Close() })
	var vip dialpad.CallRouter
	for _, cr := range emu.CallRouters() {
		if cr.Name == "VIP Customer Router" {
			vip = cr
		}
	}
	old := emu.RouterSecret(vip.ID)
	fresh := "a-secret-set-later-in-the-console-0123456789"
	if old == "" || old == fresh {
		t.Fatalf("the signed seed router has secret %q", old)
	}
	if err := emu.MutateCallRouter(vip.ID, func(r *dialpad.CallRouter) { r.Signature = &dialpad.Signature{Secret: fresh} }); err != nil {
		t.Fatal(err)
	}
	if res, err := d.PlaceCall(t.Context(), vip.ID); err != nil || res.IsRoutingError() {
		t.Fatalf("call after the new secret: %+v, %v; want it routed", res, err)
	}

	p := routing.SamplePayload(time.Now(), vip.PhoneNumbers[0])
	tests := []struct {
		name   string
		secret string
		want   int
	}{
		{"the new secret", fresh, http.StatusOK},
		{"the old secret", old, http.StatusUnauthorized},
		{"unsigned", "", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		c := routing.Caller{AllowPrivate: true}
		if res := c.Call(t.Context(), vip.RoutingURL, p, tt.secret); res.Status != tt.want {
			t.Errorf("%s: the service answered %d (%s), want %d", tt.name, res.Status, res.Problem, tt.want)
		}
	}
}
