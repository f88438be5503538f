package handlers_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// BenchmarkRouterPage loads /routers/{id} in a company of 1,000 call
// centers with 20 ms of latency on every Dialpad call. cold: the target
// lists (offices, departments, call centers, users) are read every time,
// as on a person's first router page; warm: they come from the 30-second
// cache and only the router is read. Reported: Dialpad calls per page.
func BenchmarkRouterPage(b *testing.B) {
	for _, tt := range []struct {
		name string
		cold bool
	}{{"cold", true}, {"warm", false}} {
		b.Run(tt.name, func(b *testing.B) {
			st := webtest.Start(b, webtest.WithEmulator(emulator.Options{Offices: 10, CallCenters: 1000, CompanyRPS: -1}))
			br := st.LoginAs(b, emulator.AdminUserID)
			ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
			rs, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).CallRouters(context.Background(), dialpad.ListFilter{})
			if err != nil || len(rs) == 0 {
				b.Fatalf("routers: %v (%d)", err, len(rs))
			}
			page := "/routers/" + rs[0].ID.String()
			br.Get(page) // fills the cache for the warm case
			st.Emulator.SetLatency(20 * time.Millisecond)

			calls := 0
			for b.Loop() {
				if tt.cold {
					st.Clock.Advance(time.Minute) // past the cache's 30 s
				}
				st.Emulator.ResetRequests()
				if res := br.Get(page); res.StatusCode != http.StatusOK {
					b.Fatalf("status %d", res.StatusCode)
				}
				calls += len(st.Emulator.Requests())
			}
			b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
		})
	}
}
