package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// BenchmarkRouterPage loads a router in a company of 1,000 call centers
// with 20 ms of latency on every Dialpad call. page: /routers/{id}, which
// names the default target by reading it alone; chooser: the default
// target's select, fetched with htmx when the person asks for it, which
// reads every office, department, call center and user; list: /routers,
// naming every router's default target. cold: nothing
// cached, as on a person's first visit; warm: within the 30-second cache.
// Reported: Dialpad calls per request.
func BenchmarkRouterPage(b *testing.B) {
	for _, tt := range []struct {
		name string
		what string // "page", "chooser" or "list"
		cold bool
	}{
		{"page/cold", "page", true}, {"page/warm", "page", false},
		{"chooser/cold", "chooser", true}, {"chooser/warm", "chooser", false},
		{"list/cold", "list", true},
	} {
		b.Run(tt.name, func(b *testing.B) {
			st := webtest.Start(b, webtest.WithEmulator(emulator.Options{Offices: 10, CallCenters: 1000, CompanyRPS: -1}))
			br := st.LoginAs(b, emulator.AdminUserID)
			ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
			rs, err := dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts)).CallRouters(context.Background(), dialpad.ListFilter{})
			if err != nil || len(rs) == 0 {
				b.Fatalf("routers: %v (%d)", err, len(rs))
			}
			cr := rs[0]
			get := func() *webtest.Response { return br.Get("/routers/" + cr.ID.String()) }
			switch tt.what {
			case "chooser":
				q := url.Values{"default_target": {cr.DefaultTargetType + ":" + cr.DefaultTargetID.String()}}
				get = func() *webtest.Response {
					return br.HTMX(http.MethodGet, "/routers/"+cr.ID.String()+"/targets?"+q.Encode(), nil)
				}
			case "list":
				get = func() *webtest.Response { return br.Get("/routers") }
			}
			get() // fills the cache for the warm case
			st.Emulator.SetLatency(20 * time.Millisecond)

			calls := 0
			for b.Loop() {
				if tt.cold {
					st.Clock.Advance(time.Minute) // past the cache's 30 s
				}
				st.Emulator.ResetRequests()
				if res := get(); res.StatusCode != http.StatusOK {
					b.Fatalf("status %d", res.StatusCode)
				}
				calls += len(st.Emulator.Requests())
			}
			b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
		})
	}
}
