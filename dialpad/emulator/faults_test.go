package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
)

func TestFaultStatus(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	sales := f.callCenter("Sales")
	p := path("/api/v2/callcenters/%s", sales.ID)

	tests := []struct {
		name       string
		fault      emulator.Fault
		method     string
		path       string
		wantStatus int
		wantMsg    string
		retryAfter string
	}{
		{"exact path", emulator.Fault{Path: p, Status: 503, Message: "maintenance"}, "GET", p, 503, "maintenance", ""},
		{"prefix", emulator.Fault{Path: "/api/v2/callcenters*", Status: 500}, "GET", "/api/v2/callcenters", 500, "Internal Server Error", ""},
		{"method matches", emulator.Fault{Method: "PATCH", Path: p, Status: 400, Message: "ring_seconds must be between 10 and 45"}, "PATCH", p, 400, "ring_seconds", ""},
		{"method differs", emulator.Fault{Method: "PATCH", Path: p, Status: 400}, "GET", p, 200, "", ""},
		{"other path", emulator.Fault{Path: "/api/v2/offices", Status: 500}, "GET", p, 200, "", ""},
		{"rate limited", emulator.Fault{Path: "/api/v2/*", Status: 429, RetryAfter: 7 * time.Second}, "GET", "/api/v2/company", 429, "Too Many Requests", "7"},
		{"oauth endpoints too", emulator.Fault{Path: "/oauth2/token", Status: 503}, "POST", "/oauth2/token", 503, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clear := f.emu.InjectFault(tt.fault)
			defer clear()
			r := f.do(tt.method, tt.path, tok, `{}`)
			if tt.wantStatus == 200 {
				if r.status != 200 {
					t.Fatalf("status = %d: %s", r.status, r.body)
				}
				return
			}
			wantError(t, r, tt.wantStatus, tt.wantMsg)
			if got := r.header.Get("Retry-After"); got != tt.retryAfter {
				t.Fatalf("Retry-After = %q, want %q", got, tt.retryAfter)
			}
		})
	}
}

func TestFaultTimesAndClear(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	f.emu.InjectFault(emulator.Fault{Path: "/api/v2/company", Status: 502, Times: 2})
	for i, want := range []int{502, 502, 200, 200} {
		if r := f.do("GET", "/api/v2/company", tok, nil); r.status != want {
			t.Fatalf("request %d: status %d, want %d", i+1, r.status, want)
		}
	}
	clear := f.emu.InjectFault(emulator.Fault{Path: "/api/v2/company", Status: 500})
	for range 3 {
		if r := f.do("GET", "/api/v2/company", tok, nil); r.status != 500 {
			t.Fatalf("status %d while the fault is on", r.status)
		}
	}
	clear()
	clear() // harmless
	if r := f.do("GET", "/api/v2/company", tok, nil); r.status != 200 {
		t.Fatalf("status %d after clear", r.status)
	}
}

func TestFaultTimeoutBlocksUntilTheClientGivesUp(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	defer f.emu.InjectFault(emulator.Fault{Path: "/api/v2/company", Timeout: true})()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", f.srv.URL+"/api/v2/company", nil)
	req.Header.Set("Authorization", "Bearer "+f.admin())
	res, err := f.srv.Client().Do(req)
	if err == nil {
		res.Body.Close()
		t.Fatalf("got a %d answer, want none", res.StatusCode)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the client's deadline", err)
	}
}

func TestFaultTimeoutReleasedByClear(t *testing.T) {
	// The server signals when the request reached the emulator, so the test
	// clears the fault while the request is held, without sleeping.
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	arrived := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		emu.ServeHTTP(w, r)
	}))
	defer srv.Close()
	clear := emu.InjectFault(emulator.Fault{Timeout: true})

	done := make(chan int, 1)
	go func() {
		res, err := srv.Client().Get(srv.URL + "/api/v2/company")
		if err != nil {
			done <- 0
			return
		}
		res.Body.Close()
		done <- res.StatusCode
	}()
	<-arrived
	clear()
	if got := <-done; got != http.StatusGatewayTimeout {
		t.Fatalf("released request answered %d, want 504", got)
	}
}

func TestFaultDropClosesTheConnection(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	defer f.emu.InjectFault(emulator.Fault{Method: "GET", Path: "/api/v2/offices", Drop: true})()
	req, _ := http.NewRequest("GET", f.srv.URL+"/api/v2/offices", nil)
	req.Header.Set("Authorization", "Bearer "+f.admin())
	res, err := f.srv.Client().Do(req)
	if err == nil {
		res.Body.Close()
		t.Fatalf("got a %d answer from a dropped connection", res.StatusCode)
	}
}

func TestLatencyDelaysAPIRequests(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	f.emu.SetLatency(time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", f.srv.URL+"/api/v2/company", nil)
	req.Header.Set("Authorization", "Bearer "+f.admin())
	if res, err := f.srv.Client().Do(req); !errors.Is(err, context.DeadlineExceeded) {
		if err == nil {
			res.Body.Close()
		}
		t.Fatalf("err = %v, want the request held past the deadline", err)
	}
	// OAuth pages are not delayed.
	if r := f.do("GET", "/oauth2/authorize?"+authorizeQuery(nil).Encode(), "", nil); r.status != 200 {
		t.Fatalf("authorize page: %d", r.status)
	}
	f.emu.SetLatency(0)
	if r := f.do("GET", "/api/v2/company", f.admin(), nil); r.status != 200 {
		t.Fatalf("after latency removed: %d", r.status)
	}
}

func TestRequestsAreRecorded(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")
	f.emu.ResetRequests()
	tok := f.emu.IssueToken(emulator.OfficeAdminUserID)

	f.do("GET", "/api/v2/callcenters?office_id=1", tok, nil)
	f.do("PATCH", path("/api/v2/callcenters/%s", sales.ID), tok, `{"ring_seconds":20}`)
	f.do("GET", "/api/v2/company", "", nil)
	f.do("GET", "/oauth2/authorize?"+authorizeQuery(nil).Encode(), "", nil)

	got := f.emu.Requests()
	if len(got) != 3 {
		t.Fatalf("%d requests recorded, want 3 (not /oauth2): %+v", len(got), got)
	}
	if got[0].Method != "GET" || got[0].Path != "/api/v2/callcenters" || got[0].RawQuery != "office_id=1" || got[0].UserID != emulator.OfficeAdminUserID {
		t.Fatalf("first = %+v", got[0])
	}
	if got[1].Method != "PATCH" || string(got[1].Body) != `{"ring_seconds":20}` {
		t.Fatalf("second = %+v", got[1])
	}
	if got[2].UserID != 0 {
		t.Fatalf("request without token has user %d", got[2].UserID)
	}
	got[1].Body[0] = 'X'
	if string(f.emu.Requests()[1].Body) != `{"ring_seconds":20}` {
		t.Fatal("Requests returns the recorded body itself, not a copy")
	}
	f.emu.ResetRequests()
	if n := len(f.emu.Requests()); n != 0 {
		t.Fatalf("%d requests after reset", n)
	}
}

func TestCompanyRateLimit(t *testing.T) {
	f := newFixture(t, emulator.Options{CompanyRPS: 3})
	tok := f.admin()
	for i := range 3 {
		if r := f.do("GET", "/api/v2/company", tok, nil); r.status != 200 {
			t.Fatalf("request %d: %d", i+1, r.status)
		}
	}
	r := f.do("GET", "/api/v2/company", tok, nil)
	wantError(t, r, 429, "at most 3 requests per second")
	if r.header.Get("Retry-After") != "1" {
		t.Fatalf("Retry-After = %q", r.header.Get("Retry-After"))
	}
	f.clock.Advance(334 * time.Millisecond) // one token back
	if r := f.do("GET", "/api/v2/company", tok, nil); r.status != 200 {
		t.Fatalf("after a token came back: %d", r.status)
	}
	if r := f.do("GET", "/api/v2/company", tok, nil); r.status != 429 {
		t.Fatalf("second request after refill of one: %d", r.status)
	}
}
