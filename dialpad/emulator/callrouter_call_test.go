package emulator_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/routing"
)

const testRouterSecret = "test-secret-test-secret-test-secret-42"

// routingService answers every routing request with answer (a status and
// a body) and hands each request body to got.
func routingService(t *testing.T, status int, body string) (url string, got <-chan []byte) {
	t.Helper()
	ch := make(chan []byte, 32)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		ch <- b
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/route", ch
}

// pointRouter sends the router's routing requests to url, signed with
// secret when it is not empty.
func (f *fixture) pointRouter(id dialpad.ID, url, secret string) {
	f.t.Helper()
	err := f.emu.MutateCallRouter(id, func(cr *dialpad.CallRouter) {
		cr.RoutingURL = url
		if secret != "" {
			cr.Signature = &dialpad.Signature{Secret: secret}
		}
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

func TestPlaceCallJudgesTheAnswer(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")
	good := fmt.Sprintf(`{"target_id": "%s", "target_type": "callcenter"}`, sales.ID)
	tests := []struct {
		name       string
		status     int
		body       string
		wantRouted bool
		wantErrors int
	}{
		{"valid answer", 200, good, true, 0},
		{"error status", 500, good, false, 1},
		{"not JSON", 200, "<html>down</html>", false, 1},
		{"target the company lacks", 200, `{"target_id": 404, "target_type": "callcenter"}`, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			cr := f.router("Shipment Status Lookup")
			url, got := routingService(t, tt.status, tt.body)
			f.pointRouter(cr.ID, url, "")

			res, err := f.emu.PlaceCall(t.Context(), cr.ID, "+14155550199")
			if err != nil {
				t.Fatal(err)
			}
			if res.IsRoutingError() == tt.wantRouted {
				t.Errorf("routed = %v (problem %q), want %v", !res.IsRoutingError(), res.Problem, tt.wantRouted)
			}
			if n := f.emu.RouterErrorCount(cr.ID); n != tt.wantErrors {
				t.Errorf("error count = %d, want %d", n, tt.wantErrors)
			}
			var p routing.Payload
			if err := json.Unmarshal(<-got, &p); err != nil {
				t.Fatalf("routing request is not raw JSON: %v", err)
			}
			if p.InternalNumber != cr.PhoneNumbers[0] || p.ExternalNumber != "+14155550199" || p.CallID == 0 {
				t.Errorf("payload = %+v, want the call from +14155550199 to %s", p, cr.PhoneNumbers[0])
			}
		})
	}
}

func TestPlaceCallSignsWithTheRouterSecret(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	cr := f.router("Shipment Status Lookup")
	url, got := routingService(t, 200, fmt.Sprintf(`{"target_id": %d, "target_type": "callcenter"}`, cr.DefaultTargetID))
	f.pointRouter(cr.ID, url, testRouterSecret)

	if _, err := f.emu.PlaceCall(t.Context(), cr.ID, ""); err != nil {
		t.Fatal(err)
	}
	p, err := routing.VerifyJWTAt(<-got, testRouterSecret, testNow())
	if err != nil {
		t.Fatalf("the routing service cannot verify the request with the router's secret: %v", err)
	}
	if p.InternalNumber != cr.PhoneNumbers[0] {
		t.Errorf("internal_number = %q, want %q", p.InternalNumber, cr.PhoneNumbers[0])
	}
}

func TestPlaceCallDisablesAfterElevenErrors(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	cr := f.router("Shipment Status Lookup")
	url, got := routingService(t, 500, `{}`)
	f.pointRouter(cr.ID, url, "")

	for i := range 11 {
		if _, err := f.emu.PlaceCall(t.Context(), cr.ID, ""); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
		<-got
	}
	var now dialpad.CallRouter
	f.decode(f.do("GET", path("/api/v2/callrouters/%s", cr.ID), f.admin(), nil), &now)
	if now.Enabled {
		t.Fatal("router still enabled after 11 routing errors")
	}
	// A disabled router sends calls to its default target without asking.
	if _, err := f.emu.PlaceCall(t.Context(), cr.ID, ""); !errors.Is(err, emulator.ErrRouterDisabled) {
		t.Errorf("12th call: err = %v, want ErrRouterDisabled", err)
	}
	select {
	case <-got:
		t.Error("a disabled router still asked its routing URL")
	default:
	}
}

func TestPlaceCallWithoutANumberOrRouter(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	cr := f.router("Shipment Status Lookup")
	if err := f.emu.MutateCallRouter(cr.ID, func(cr *dialpad.CallRouter) { cr.PhoneNumbers = nil }); err != nil {
		t.Fatal(err)
	}
	if _, err := f.emu.PlaceCall(t.Context(), cr.ID, ""); !errors.Is(err, emulator.ErrRouterNoNumber) {
		t.Errorf("err = %v, want ErrRouterNoNumber", err)
	}
	if _, err := f.emu.PlaceCall(t.Context(), 42, ""); !errors.Is(err, emulator.ErrRouterNotFound) {
		t.Errorf("err = %v, want ErrRouterNotFound", err)
	}
}

func TestPlaceCallsEndpoint(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	cr := f.router("Shipment Status Lookup")
	url, _ := routingService(t, 500, `{}`)
	f.pointRouter(cr.ID, url, "")
	calls := path("/emulator/callrouters/%s/calls", cr.ID)
	f.emu.ResetRequests()

	var out struct {
		Calls []struct {
			Status  int    `json:"status"`
			Routed  bool   `json:"routed"`
			Problem string `json:"problem"`
		} `json:"calls"`
		Stopped    string `json:"stopped"`
		Enabled    bool   `json:"enabled"`
		ErrorCount int    `json:"error_count"`
	}
	f.decode(f.do("POST", calls+"?count=12", "", nil), &out)
	if len(out.Calls) != 11 || out.Enabled || out.ErrorCount != 11 || out.Stopped == "" {
		t.Fatalf("12 calls to a failing service: %d placed, enabled %v, %d errors, stopped %q; want 11 placed, disabled, 11 errors, a reason",
			len(out.Calls), out.Enabled, out.ErrorCount, out.Stopped)
	}
	if c := out.Calls[0]; c.Status != 500 || c.Routed || c.Problem != "answered 500" {
		t.Errorf("first call = %+v", c)
	}
	if reqs := f.emu.Requests(); len(reqs) != 0 {
		t.Errorf("the extension endpoint was recorded as an API request: %+v", reqs)
	}

	tests := []struct {
		target string
		status int
	}{
		{calls + "?count=0", http.StatusBadRequest},
		{calls + "?count=51", http.StatusBadRequest},
		{calls + "?from=12", http.StatusBadRequest},
		{path("/emulator/callrouters/%s/calls", 42), http.StatusNotFound},
	}
	for _, tt := range tests {
		if r := f.do("POST", tt.target, "", nil); r.status != tt.status {
			t.Errorf("POST %s = %d, want %d", tt.target, r.status, tt.status)
		}
	}
}

func TestCallRoutersSnapshotHidesSecrets(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	signed := 0
	for _, cr := range f.emu.CallRouters() {
		if cr.Signature != nil && cr.Signature.Secret != "" {
			t.Errorf("router %q: snapshot carries its secret", cr.Name)
		}
		if cr.Signature != nil && cr.Signature.Algo == "HS256" {
			signed++
		}
	}
	if signed != 1 {
		t.Errorf("%d routers say they are signed, want the seed's 1", signed)
	}
}
