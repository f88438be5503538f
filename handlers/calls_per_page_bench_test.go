package handlers_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// BenchmarkDialpadCallsPerPage counts the Dialpad calls behind one view of
// each main page, as the company admin on the demo seed: cold (Refresh,
// ?refresh=1, reads everything afresh) and warm (the same page again
// within the cache's half minute). Reported as cold-calls/op and
// warm-calls/op; time/op is both views.
func BenchmarkDialpadCallsPerPage(b *testing.B) {
	st := webtest.Start(b, webtest.WithEmulator(emulator.Options{CompanyRPS: -1}))
	br := st.LoginAs(b, emulator.AdminUserID)
	list := br.Get("/callcenters").Body
	center := regexp.MustCompile(`href="(/callcenters/\d+)"`).FindStringSubmatch(list)[1]
	router := regexp.MustCompile(`href="(/routers/\d+)"`).FindStringSubmatch(br.Get("/routers").Body)[1]
	pages := []struct{ name, path string }{
		{"overview", "/"},
		{"callcenters", "/callcenters"},
		{"departments", "/departments"},
		{"routers", "/routers"},
		{"hours", "/hours"},
		{"editor", center},
		{"router", router},
		{"ivrs", "/ivrs/callcenter/" + strings.TrimPrefix(center, "/callcenters/")},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			sep := "?"
			if strings.Contains(p.path, "?") {
				sep = "&"
			}
			cold, warm := 0, 0
			for b.Loop() {
				st.Emulator.ResetRequests()
				if res := br.Get(p.path + sep + "refresh=1"); res.StatusCode != http.StatusOK {
					b.Fatalf("%s: %d", p.path, res.StatusCode)
				}
				cold += len(st.Emulator.Requests())
				st.Emulator.ResetRequests()
				br.Get(p.path)
				warm += len(st.Emulator.Requests())
			}
			b.ReportMetric(float64(cold)/float64(b.N), "cold-calls/op")
			b.ReportMetric(float64(warm)/float64(b.N), "warm-calls/op")
		})
	}
}
