package web_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// TestCompanyLimiterAvoids429 has two people of one company load a list
// that takes many Dialpad requests (one call center per page), at the same
// time, against an emulator enforcing Dialpad's 20 requests/s. The console
// must slow down instead of earning 429s: one limiter per company, not per
// person.
func TestCompanyLimiterAvoids429(t *testing.T) {
	st := webtest.Start(t, webtest.WithEmulator(emulator.Options{PageSize: 1}))

	// The emulator really refuses a burst, or the test proves nothing.
	token := st.Emulator.IssueToken(emulator.AdminUserID)
	refused := false
	for range 30 {
		if apiStatus(t, st, token) == http.StatusTooManyRequests {
			refused = true
			break
		}
	}
	if !refused {
		t.Fatal("the emulator answered 30 quick requests without a 429; the test proves nothing")
	}
	st.Clock.Advance(2 * time.Second) // the emulator's bucket fills up again

	people := []*webtest.Browser{
		st.LoginAs(t, emulator.AdminUserID),
		st.LoginAs(t, emulator.ManagerUserID),
	}
	st.Emulator.ResetRequests()
	var (
		mu        sync.Mutex
		responses []*webtest.Response
		wg        sync.WaitGroup
	)
	for _, b := range people {
		wg.Go(func() {
			for range 2 {
				// ?refresh=1: every look reads Dialpad, past the read cache.
				res := b.Get("/callcenters?refresh=1")
				mu.Lock()
				responses = append(responses, res)
				mu.Unlock()
			}
		})
	}
	wg.Wait()

	if n := len(st.Emulator.Requests()); n < 60 {
		t.Fatalf("the pages made %d Dialpad requests; want 60 or more to go past 20/s", n)
	}
	for _, res := range responses {
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s answered %d, want 200:\n%s", res.URL, res.StatusCode, res.Body)
			continue
		}
		if n := strings.Count(res.Body, `data-testid="callcenter-row"`); n != 15 {
			t.Errorf("%s shows %d call centers, want all 15", res.URL, n)
		}
	}
	if strings.Contains(st.Logs(), "status=429") {
		t.Errorf("the console answered 429:\n%s", st.Logs())
	}
}
