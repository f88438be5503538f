package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// recorder keeps every answer's latency and status, by kind. A 409 is the
// console refusing to overwrite a change made since the form was opened:
// counted apart from errors, and always reported.
type recorder struct {
	mu        sync.Mutex
	latency   map[string][]time.Duration
	errors    map[string]map[int]int // kind -> status (0: transport) -> count
	conflicts int
}

func newRecorder() *recorder {
	return &recorder{latency: map[string][]time.Duration{}, errors: map[string]map[int]int{}}
}

func (r *recorder) add(kind string, d time.Duration, status int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.latency[kind] = append(r.latency[kind], d)
	if status == http.StatusConflict {
		r.conflicts++
		return
	}
	if status != http.StatusOK {
		if r.errors[kind] == nil {
			r.errors[kind] = map[int]int{}
		}
		r.errors[kind][status]++
	}
}

func (r *recorder) report(out io.Writer, elapsed time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var all []time.Duration
	for _, kind := range []string{"view", "save"} {
		l := slices.Clone(r.latency[kind])
		all = append(all, l...)
		line(out, kind, l, elapsed, r.errors[kind])
	}
	errs := map[int]int{}
	for _, m := range r.errors {
		for s, n := range m {
			errs[s] += n
		}
	}
	line(out, "all", all, elapsed, errs)
	fmt.Fprintf(out, "conflicts: %d (the console refused to overwrite a concurrent change)\n", r.conflicts)
}

func line(out io.Writer, kind string, l []time.Duration, elapsed time.Duration, errs map[int]int) {
	slices.Sort(l)
	n := 0
	var parts []string
	for s, c := range errs {
		n += c
		parts = append(parts, fmt.Sprintf("%d×%d", c, s))
	}
	slices.Sort(parts)
	fmt.Fprintf(out, "%-5s %6d requests, %7.1f/s, p50 %s, p95 %s, p99 %s, max %s, errors %d %s\n",
		kind, len(l), float64(len(l))/elapsed.Seconds(), pct(l, 50), pct(l, 95), pct(l, 99), pct(l, 100), n, strings.Join(parts, " "))
}

func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	i := min(len(sorted)-1, (len(sorted)*p+99)/100-1)
	return sorted[max(i, 0)].Round(100 * time.Microsecond).String()
}

// rss is the process's resident memory, from /proc (Linux).
func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for l := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
