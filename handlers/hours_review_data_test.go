package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// The review reads each office's two lists at once. Proof without timing:
// Dialpad here holds every first list page until all of them have
// arrived, which only happens when they are in flight together. Read one
// after another, the first would wait for the rest until the deadline and
// the load would fail.
func TestLoadReviewReadsOfficesConcurrently(t *testing.T) {
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	client := func(url string) *dialpad.Client {
		return dialpad.New(url, dialpad.WithTokenSource(
			oauth2.StaticTokenSource(&oauth2.Token{AccessToken: emu.IssueToken(emulator.AdminUserID)})))
	}
	direct := httptest.NewServer(emu)
	t.Cleanup(direct.Close)
	offices, err := client(direct.URL).Offices(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(offices) < 2 || 2*len(offices) > reviewConcurrency {
		t.Fatalf("the seed has %d offices; this test wants 2 to %d", len(offices), reviewConcurrency/2)
	}

	want := 2 * len(offices) // a call center and a department list each
	var (
		mu      sync.Mutex
		arrived int
		all     = make(chan struct{})
	)
	barrier := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		first := r.URL.Query().Get("cursor") == ""
		if list := r.URL.Path == "/api/v2/callcenters" || r.URL.Path == "/api/v2/departments"; list && first {
			mu.Lock()
			if arrived++; arrived == want {
				close(all)
			}
			mu.Unlock()
			select {
			case <-all:
			case <-r.Context().Done():
				return
			}
		}
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(barrier.Close)

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	d, err := loadReview(ctx, client(barrier.URL), 0)
	if err != nil {
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("load failed with %d of %d lists in flight together: %v", arrived, want, err)
	}
	if len(d.Failed) > 0 || len(d.Items) == 0 {
		t.Errorf("loaded %d items, %d offices failed", len(d.Items), len(d.Failed))
	}
}
