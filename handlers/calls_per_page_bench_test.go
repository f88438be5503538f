package handlers_test

import (
	"net/http"
	"regexp"
	"strconv"
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

// BenchmarkDialpadCallsPerSave counts the Dialpad calls of one save of a
// call center's ring time (save-calls/op: the fresh read and the PATCH),
// and of the pages people look at next, each once (after-calls/op: the
// overview, /callcenters, /hours and the editor), as the company admin on
// the demo seed with everything warm before the save.
func BenchmarkDialpadCallsPerSave(b *testing.B) {
	st := webtest.Start(b, webtest.WithEmulator(emulator.Options{CompanyRPS: -1}))
	br := st.LoginAs(b, emulator.AdminUserID)
	center := regexp.MustCompile(`href="(/callcenters/\d+)"`).FindStringSubmatch(br.Get("/callcenters").Body)[1]
	after := []string{"/", "/callcenters", "/hours", center}
	saves, views, ring := 0, 0, 15
	for b.Loop() {
		for _, p := range after {
			br.Get(p) // warm
		}
		form := formOf(b, br.Get(center).Body, "hours-form")
		ring = 15 + (ring-14)%30
		form.Set("ring_seconds", strconv.Itoa(ring))
		st.Emulator.ResetRequests()
		if res := br.PostForm(center, form); res.StatusCode != http.StatusSeeOther {
			b.Fatalf("save: %d\n%s", res.StatusCode, res.Body)
		}
		saves += len(st.Emulator.Requests())
		st.Emulator.ResetRequests()
		for _, p := range after {
			if res := br.Get(p); res.StatusCode != http.StatusOK {
				b.Fatalf("%s: %d", p, res.StatusCode)
			}
		}
		views += len(st.Emulator.Requests())
	}
	b.ReportMetric(float64(saves)/float64(b.N), "save-calls/op")
	b.ReportMetric(float64(views)/float64(b.N), "after-calls/op")
}
