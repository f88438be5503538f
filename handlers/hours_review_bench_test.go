package handlers_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// BenchmarkHoursReview1000 loads /hours cold (?refresh=1 skips the cache)
// for 1,000 call centers across 10 offices, with 20 ms of latency on every
// Dialpad call and the company limit of 20 requests/s enforced on both
// sides: the emulator answers 429 past it, the console's limiter waits.
// Reported: wall time per page (ns/op), Dialpad calls per page, and the
// floor those calls set at 20 requests/s. The console asks for limit=100
// on every list; cold is that, and cold-page=25 caps the emulator's pages
// at 25 whatever the limit, as the console got before it asked. cached
// serves the page from the person's cache, read once before timing: the
// cost of rendering 1,000 rows.
// wire-kB is the page as a browser receives it (zstd or gzip).
func BenchmarkHoursReview1000(b *testing.B) {
	b.Run("cold", func(b *testing.B) { benchHoursReview(b, 0, "/hours?refresh=1") })
	b.Run("cold-page=25", func(b *testing.B) { benchHoursReview(b, 25, "/hours?refresh=1") })
	b.Run("cached", func(b *testing.B) { benchHoursReview(b, 0, "/hours") })
}

// benchHoursReview loads path; pageCap > 0 caps the emulator's pages.
func benchHoursReview(b *testing.B, pageCap int, path string) {
	st := webtest.Start(b, webtest.WithEmulator(emulator.Options{Offices: 10, CallCenters: 1000, PageSize: pageCap}))
	br := st.LoginAs(b, emulator.AdminUserID)
	st.Emulator.SetLatency(20 * time.Millisecond)
	// Sign-in's first call does not go through the console's limiter; a
	// second on the shared clock refills the emulator's budget, so both
	// sides start the run with the same 20 requests in hand.
	st.Clock.Advance(time.Second)

	if path == "/hours" {
		br.Get(path) // fill the cache; b.Loop starts the clock after
	}
	calls, size := 0, 0
	for b.Loop() {
		st.Emulator.ResetRequests()
		res := br.Get(path)
		if res.StatusCode != http.StatusOK || strings.Contains(res.Body, `data-testid="office-failed"`) {
			b.Fatalf("status %d or an office failed:\n%s", res.StatusCode, between(res.Body, `data-testid="office-failed">`, "<"))
		}
		if n := strings.Count(res.Body, `data-testid="hours-row"`); n != 1000 {
			b.Fatalf("%d rows, want 1000", n)
		}
		calls += len(st.Emulator.Requests())
		size = len(res.Body)
	}
	// What a browser receives: the page compressed as it asks.
	req, err := http.NewRequest(http.MethodGet, st.URL+path, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	wire := br.Do(req)
	b.ReportMetric(float64(len(wire.Body))/1000, "wire-kB")
	perOp := float64(calls) / float64(b.N)
	b.ReportMetric(perOp, "calls/op")
	b.ReportMetric(perOp/20*1000, "floor-ms/op")
	b.ReportMetric(float64(size)/1000, "page-kB")
}
