package handlers_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// Identical pages opened at once by one person share each Dialpad read.
func TestConcurrentIdenticalReadsShareOneDialpadCall(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	s.Emulator.ResetRequests()
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if res := s.b.Get("/callcenters"); res.StatusCode != http.StatusOK {
				t.Errorf("status %d", res.StatusCode)
			}
		})
	}
	wg.Wait()
	reads := s.apiRequests()
	counts := map[string]int{}
	for _, r := range reads {
		counts[r]++
	}
	for r, n := range counts {
		if n != 1 {
			t.Errorf("%s asked %d times for 10 identical pages, want once", r, n)
		}
	}
	if len(counts) == 0 {
		t.Error("no Dialpad read at all")
	}
}

// A page seen within half a minute costs no Dialpad call, and says how old
// its data is.
func TestWarmPagesMakeNoDialpadCalls(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Sales")
	cr := s.router("VIP Customer Router")
	for _, path := range []string{"/", "/callcenters", "/departments", "/routers", "/hours", ccPath(cc), "/routers/" + cr.ID.String(), ivrPath(cc.ID)} {
		t.Run(path, func(t *testing.T) {
			mustStatus(t, s.b.Get(path), http.StatusOK)
			s.Clock.Advance(12 * time.Second)
			s.Emulator.ResetRequests()
			res := s.b.Get(path)
			mustStatus(t, res, http.StatusOK)
			if reads := s.apiRequests(); len(reads) != 0 {
				t.Errorf("a warm page asked Dialpad for %v", reads)
			}
			age := testText(res.Body, "data-age")
			if path == "/hours" {
				age = testText(res.Body, "loaded-age")
			}
			// The test clock keeps flowing: a page slow to build under load
			// may be a second older than the 12 s the clock was moved.
			if !strings.Contains(age, "12 s") && !strings.Contains(age, "12 seconds") &&
				!strings.Contains(age, "13 s") && !strings.Contains(age, "13 seconds") {
				t.Errorf("age note %q, want 12 s", age)
			}
			s.Clock.Advance(31 * time.Second) // the next path starts cold
		})
	}
}

// A save drops the person's cache: the list shows the change at once.
func TestSaveDropsTheCache(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Sales")
	mustStatus(t, s.b.Get("/callcenters"), http.StatusOK) // warm
	mustStatus(t, s.b.Get("/routers"), http.StatusOK)
	_, form := s.openForm(ccPath(cc), "hours-form")
	mustStatus(t, s.b.PostForm(ccPath(cc), with(form, "name", "Sales and Renewals")), http.StatusSeeOther)
	if got := s.freshCallCenter(cc.ID).Name; got != "Sales and Renewals" {
		t.Fatalf("the save did not reach Dialpad: %q", got)
	}
	if body := s.b.Get("/callcenters").Body; !strings.Contains(body, "Sales and Renewals") {
		t.Error("the list still shows the old name after the save")
	}
	if body := s.b.Get(ccPath(cc)).Body; !strings.Contains(body, `value="Sales and Renewals"`) {
		t.Error("the editor still shows the old name after the save")
	}
	// A call center's save leaves what it cannot change cached: the
	// routers list reads again only the call centers it names.
	s.Emulator.ResetRequests()
	mustStatus(t, s.b.Get("/routers"), http.StatusOK)
	for _, r := range s.apiRequests() {
		if !strings.HasPrefix(r, "GET /api/v2/callcenters/") {
			t.Errorf("the routers list after a call center's save read %s", r)
		}
	}
	// What the look after the save read is kept again.
	s.Emulator.ResetRequests()
	if body := s.b.Get("/callcenters").Body; !strings.Contains(body, "Sales and Renewals") || len(s.apiRequests()) != 0 {
		t.Errorf("the second look after the save read %v", s.apiRequests())
	}
}

// Refresh reads the page afresh: a change made elsewhere in Dialpad shows
// at once instead of within half a minute.
func TestRefreshBypassesTheCache(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	cc := s.callCenter("Sales")
	page := s.b.Get("/callcenters")
	const refresh = "/callcenters?refresh=1"
	if !strings.Contains(page.Body, `href="`+refresh+`" data-testid="data-refresh"`) {
		t.Fatalf("no Refresh link to %s on the page", refresh)
	}
	if err := s.Emulator.MutateCallCenter(cc.ID, func(c *dialpad.CallCenter) { c.Name = "Sales EMEA" }); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(s.b.Get("/callcenters").Body, "Sales EMEA") {
		t.Fatal("the cached page already shows the change: nothing to refresh")
	}
	s.Emulator.ResetRequests()
	res := s.b.Get(refresh)
	if !strings.Contains(res.Body, "Sales EMEA") {
		t.Error("Refresh still shows the old name")
	}
	if len(s.apiRequests()) == 0 {
		t.Error("Refresh asked Dialpad for nothing")
	}
	if got := testText(res.Body, "data-age"); !strings.HasPrefix(got, "Data from Dialpad, just now") {
		t.Errorf("age after Refresh %q", got)
	}
	// The refreshed reads serve the next look.
	s.Emulator.ResetRequests()
	if body := s.b.Get("/callcenters").Body; !strings.Contains(body, "Sales EMEA") || len(s.apiRequests()) != 0 {
		t.Errorf("the next look read %v", s.apiRequests())
	}
}

// With the company key one credential makes every read, so people share
// them: a page one person just loaded costs the next person no Dialpad
// call. With their own tokens each person reads for themselves.
func TestCompanyKeySharesReadsAcrossPeople(t *testing.T) {
	tests := []struct {
		name      string
		opts      []webtest.Option
		wantReads bool // the second person's page reads Dialpad
	}{
		{"company key", []webtest.Option{webtest.WithDemoRoles()}, false},
		{"own tokens", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := signedIn(t, emulator.AdminUserID, tt.opts...)
			mustStatus(t, s.b.Get("/callcenters"), http.StatusOK)
			marcus := s.LoginAs(t, emulator.ManagerUserID)
			s.Emulator.ResetRequests()
			mustStatus(t, marcus.Get("/callcenters"), http.StatusOK)
			if reads := s.apiRequests(); (len(reads) > 0) != tt.wantReads {
				t.Errorf("the second person's page read %v, want reads: %v", reads, tt.wantReads)
			}
		})
	}
}
