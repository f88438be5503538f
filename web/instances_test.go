package web_test

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/redisstate/redistest"
	"switchboard/web/webtest"
)

// twoInstances starts two consoles on one emulator, one database and one
// Redis (redisURL), as two instances behind a load balancer.
func twoInstances(t *testing.T, redisURL string) (a, b *webtest.Stack) {
	t.Helper()
	cfg := web.Config{
		DatabaseURL:  web.Secret("sqlite:" + filepath.Join(t.TempDir(), "switchboard.db")),
		SessionStore: web.SessionStoreRedis,
		RedisURL:     web.Secret(redisURL),
		ClientSecret: emulator.DefaultClientSecret,
	}
	open := func() *web.Storage {
		st, err := web.OpenStorage(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = st.Close() })
		return st
	}
	a = webtest.Start(t, webtest.WithServerOptions(web.WithStorage(open())))
	b = webtest.Start(t, webtest.OnEmulatorOf(a), webtest.WithServerOptions(web.WithStorage(open())))
	return a, b
}

func patchesTo(e *emulator.Emulator, path string) int {
	n := 0
	for _, r := range e.Requests() {
		if r.Method == http.MethodPatch && r.Path == path {
			n++
		}
	}
	return n
}

// TestTwoInstancesShareSessionsWindowsAndCaches: a person signs in on A
// and works on B; B shows at once what A changed; B refuses a second
// change of a router A changed a moment ago, sending nothing to Dialpad;
// and a form rendered on B saves on A.
func TestTwoInstancesShareSessionsWindowsAndCaches(t *testing.T) {
	r := redistest.Require(t, testRedis)
	a, b := twoInstances(t, r.URL())
	person := a.LoginAs(t, emulator.AdminUserID)

	// Signed in on A, working on B.
	if res := person.Get(b.URL + "/routers"); res.StatusCode != http.StatusOK {
		t.Fatalf("B answered /routers with %d (want 200: the session is shared); Location %q", res.StatusCode, res.Location())
	}

	// B reads the disabled router (and keeps the read); A resets it.
	cr := routerNamed(t, a, "Carrier Hotline Router")
	page := "/routers/" + cr.ID.String()
	if res := person.Get(b.URL + page); !strings.Contains(res.Body, `data-testid="reset-panel"`) {
		t.Fatalf("B does not show the seeded router disabled (%d)", res.StatusCode)
	}
	if res := person.PostForm(a.URL+page+"/reset", url.Values{}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset on A answered %d:\n%s", res.StatusCode, res.Body)
	}
	patch := "/api/v2/callrouters/" + cr.ID.String()
	if n := patchesTo(a.Emulator, patch); n != 1 {
		t.Fatalf("Dialpad got %d PATCHes of the router, want 1", n)
	}

	// B shows A's change at once, not its own read of before.
	if res := person.Get(b.URL + page); res.StatusCode != http.StatusOK || strings.Contains(res.Body, `data-testid="reset-panel"`) {
		t.Errorf("B still shows the router disabled after A enabled it (%d)", res.StatusCode)
	}

	// A second change on B within five minutes: nothing sent, and the
	// page says when the next change is possible.
	res := person.PostForm(b.URL+page+"/reset", url.Values{})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Errorf("a second reset on B answered %d (Retry-After %q), want 429 with the wait", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if !strings.Contains(res.Body, "Next change possible at ") {
		t.Errorf("B's answer does not say when the next change is possible:\n%s", res.Body)
	}
	if n := patchesTo(a.Emulator, patch); n != 1 {
		t.Errorf("Dialpad got %d PATCHes of the router, want 1: B sent the change A's window forbids", n)
	}

	// A form B rendered saves on A (its sealed base opens there), and B
	// shows the saved name at once.
	vip := routerNamed(t, a, "VIP Customer Router")
	vipPage := "/routers/" + vip.ID.String()
	form := formOf(t, person.Get(b.URL+vipPage).Body, "router-form")
	form.Set("name", "VIP Line")
	if res := person.PostForm(a.URL+vipPage, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving B's form on A answered %d:\n%s", res.StatusCode, res.Body)
	}
	if res := person.Get(b.URL + vipPage); !strings.Contains(res.Body, "VIP Line") {
		t.Errorf("B does not show the name A just saved (%d)", res.StatusCode)
	}
}

// TestTwoInstancesStayWithinDialpadBudget: people on both instances load
// pages afresh as fast as they can; together the instances stay within
// the company's 20 requests a second, so Dialpad refuses none. Each
// instance alone may spend 15 a second with a burst of 5: two without a
// shared budget send 30 a second and earn 429s within two seconds.
func TestTwoInstancesStayWithinDialpadBudget(t *testing.T) {
	r := redistest.Require(t, testRedis)
	a, b := twoInstances(t, r.URL())
	const sent = 40 // past what two separate budgets could send without a 429
	var browsers []*webtest.Browser
	for _, st := range []*webtest.Stack{a, b, a, b, a, b, a, b} {
		browsers = append(browsers, st.LoginAs(t, emulator.AdminUserID))
	}
	answered := func() int {
		return a.EmulatorAnswers(http.StatusOK) + a.EmulatorAnswers(http.StatusTooManyRequests)
	}
	start := answered()
	var wg sync.WaitGroup
	for _, br := range browsers {
		wg.Go(func() {
			for answered()-start < sent {
				br.Get("/routers?refresh=1")
			}
		})
	}
	wg.Wait()
	if n := a.EmulatorAnswers(http.StatusTooManyRequests); n != 0 {
		t.Errorf("Dialpad answered %d requests with 429 (of %d): the instances overspent the company's budget", n, answered()-start)
	}
}

// TestRedisAwayAndBack: while Redis is away pages answer a plain 503 (not
// a 500) and /readyz says not ready; once it is back the same instance
// serves again, without a restart.
func TestRedisAwayAndBack(t *testing.T) {
	if testRedis == nil {
		redistest.Require(t, nil)
	}
	// Its own server: stopping the package's would fail the tests beside it.
	r, err := redistest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Stop() })
	a, _ := twoInstances(t, r.URL())
	person := a.LoginAs(t, emulator.AdminUserID)
	if res := person.Get("/readyz"); res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz = %d with everything up, want 200", res.StatusCode)
	}

	if err := r.Kill(); err != nil {
		t.Fatal(err)
	}
	for _, res := range []*webtest.Response{
		person.Get("/callcenters"),
		person.PostForm("/routers/1/reset", url.Values{}),
	} {
		if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(res.Body, "Sessions are unavailable, try again shortly.") {
			t.Errorf("with Redis away a page answered %d, want 503 saying sessions are unavailable:\n%s", res.StatusCode, res.Body)
		}
	}
	if res := person.Get("/readyz"); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz = %d with Redis away, want 503", res.StatusCode)
	}
	if res := person.Get("/healthz"); res.StatusCode != http.StatusOK {
		t.Errorf("/healthz = %d with Redis away, want 200 (the process is alive)", res.StatusCode)
	}

	if err := r.Restart(); err != nil {
		t.Fatal(err)
	}
	if res := person.Get("/readyz"); res.StatusCode != http.StatusOK {
		t.Errorf("/readyz = %d once Redis is back, want 200", res.StatusCode)
	}
	// The restarted Redis kept nothing, so the person signs in again, on
	// the same running instance.
	if res := person.Get("/callcenters"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("once Redis is back /callcenters = %d, want 303 to sign in again", res.StatusCode)
	}
	again := a.LoginAs(t, emulator.AdminUserID)
	if res := again.Get("/callcenters"); res.StatusCode != http.StatusOK {
		t.Errorf("signing in again once Redis is back: /callcenters = %d, want 200", res.StatusCode)
	}
}

// TestSaveWritesThroughOnItsInstanceOnly: after a save on A, A serves the
// saved call center from its cache (Dialpad's answer, put in place, is not
// taken as dropped by A's own shared drop), while B, which holds the read
// of before, reads Dialpad again and shows the change at once.
func TestSaveWritesThroughOnItsInstanceOnly(t *testing.T) {
	r := redistest.Require(t, testRedis)
	a, b := twoInstances(t, r.URL())
	person := a.LoginAs(t, emulator.AdminUserID)
	for _, s := range []*webtest.Stack{a, b} {
		if res := person.Get(s.URL + "/callcenters"); res.StatusCode != http.StatusOK {
			t.Fatalf("/callcenters answered %d", res.StatusCode)
		}
	}
	cc := callCenterNamed(t, a, "Sales")
	editor := "/callcenters/" + cc.ID.String()
	form := formOf(t, person.Get(a.URL+editor).Body, "hours-form")
	form.Set("name", "Sales and Renewals")
	if res := person.PostForm(a.URL+editor, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("saving on A answered %d:\n%s", res.StatusCode, res.Body)
	}
	tests := []struct {
		name      string
		on        *webtest.Stack
		wantReads bool
	}{
		{"the instance that saved", a, false},
		{"another instance", b, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a.Emulator.ResetRequests()
			res := person.Get(tt.on.URL + "/callcenters")
			if !strings.Contains(res.Body, "Sales and Renewals") {
				t.Errorf("/callcenters does not show the saved name (%d)", res.StatusCode)
			}
			if reads := len(a.Emulator.Requests()); (reads > 0) != tt.wantReads {
				t.Errorf("/callcenters read Dialpad %d times, want reads: %v", reads, tt.wantReads)
			}
		})
	}
}
