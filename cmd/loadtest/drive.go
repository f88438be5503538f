package main

import (
	"cmp"
	"context"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"sync"
	"time"
)

// pages a person looks at, in turn; editors are added once known.
var pageRE = regexp.MustCompile(`href="(/callcenters/\d+)"`)

// drive has every person look at pages, and admins save now and then,
// until ctx ends. Each person waits for their answer, then thinks.
//
// As in a real team, each call center has one admin who edits it (assigned
// in turn: owned), so no two people save the same one from forms opened
// moments apart; the owners save more often so that admins together still
// save one request in o.saveEvery.
func drive(ctx context.Context, people []*person, st *stack, o options, rec *recorder) {
	paths := []string{"/", "/callcenters", "/departments", "/routers", "/hours"}
	if o.path != "" {
		paths, o.saveEvery = []string{o.path}, 0
	}
	admins := 0
	var first *person
	for _, p := range people {
		if p.admin {
			admins++
			first = cmp.Or(first, p)
		}
	}
	// Who edits what is settled before the clock starts (a team knows its
	// call centers), from one look at the list that is not measured.
	var centers []string
	if first != nil && o.saveEvery > 0 {
		if res, err := get(ctx, first.client, st.consoleURL+"/callcenters"); err == nil && res.StatusCode == http.StatusOK {
			centers = editorLinks(readAll(res))
		}
	}
	var wg sync.WaitGroup
	admin := 0
	for i, p := range people {
		nth := -1 // which admin p is
		if p.admin {
			nth, admin = admin, admin+1
		}
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 42))
			var editors, mine []string
			saveEvery := 0
			if nth >= 0 {
				mine = owned(centers, nth, admins)
				saveEvery = ownerSaveEvery(o.saveEvery, len(centers), admins)
			}
			if len(mine) == 0 {
				saveEvery = 0
			}
			for n := 0; ; n++ {
				if !pause(ctx, jitter(rng, o.think)) {
					return
				}
				if saveEvery > 0 && rng.IntN(saveEvery) == 0 {
					save(ctx, p, st, mine[rng.IntN(len(mine))], rng, rec)
					continue
				}
				path := paths[rng.IntN(len(paths))]
				if o.path == "" && len(editors) > 0 && rng.IntN(4) == 0 {
					path = editors[rng.IntN(len(editors))]
				}
				body, ok := view(ctx, p, st.consoleURL+path, rec)
				if ok && path == "/callcenters" && editors == nil {
					all := editorLinks(body)
					editors = all[:min(5, len(all))]
				}
			}
		})
	}
	wg.Wait()
}

// editorLinks are the call centers' editor paths on /callcenters, once each.
func editorLinks(body string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range pageRE.FindAllStringSubmatch(body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// owned are the editors the nth of admins edits: every admins-th, so each
// call center has exactly one owner.
func owned(editors []string, nth, admins int) []string {
	var out []string
	for j, e := range editors {
		if j%admins == nth {
			out = append(out, e)
		}
	}
	return out
}

// ownerSaveEvery is how often (one request in so many) an admin who owns
// call centers saves, so that all admins together save one request in
// saveEvery although only min(centers, admins) of them own any.
func ownerSaveEvery(saveEvery, centers, admins int) int {
	owners := min(centers, admins)
	if owners == 0 {
		return 0
	}
	return max(1, saveEvery*owners/admins)
}

func jitter(rng *rand.Rand, d time.Duration) time.Duration {
	if d <= 0 {
		return 0
	}
	return d/2 + time.Duration(rng.Int64N(int64(d)))
}

func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// view GETs a page and records it; ok is a 200.
func view(ctx context.Context, p *person, u string, rec *recorder) (string, bool) {
	start := time.Now()
	res, err := get(ctx, p.client, u)
	if ctx.Err() != nil {
		return "", false // the run ended mid-request: not an error of the console
	}
	if err != nil {
		rec.add("view", time.Since(start), 0)
		return "", false
	}
	rec.add("view", time.Since(start), res.StatusCode)
	return readAll(res), res.StatusCode == http.StatusOK
}

var (
	formRE  = regexp.MustCompile(`(?s)<form\b[^>]*data-testid="hours-form"[^>]*>(.*?)</form>`)
	inputRE = regexp.MustCompile(`<input\b([^>]*)>`)
	attrRE  = regexp.MustCompile(`([a-z_-]+)(?:="([^"]*)")?`)
)

// save opens an editor and saves it with another ring time: a real PATCH.
func save(ctx context.Context, p *person, st *stack, path string, rng *rand.Rand, rec *recorder) {
	body, ok := view(ctx, p, st.consoleURL+path, rec)
	if !ok {
		return
	}
	m := formRE.FindStringSubmatch(body)
	if m == nil {
		return
	}
	form := url.Values{}
	for _, in := range inputRE.FindAllStringSubmatch(m[1], -1) {
		a := map[string]string{}
		for _, kv := range attrRE.FindAllStringSubmatch(in[1], -1) {
			a[kv[1]] = kv[2]
		}
		name, typ := a["name"], a["type"]
		_, checked := a["checked"]
		if name == "" || ((typ == "checkbox" || typ == "radio") && !checked) || typ == "submit" {
			continue
		}
		form.Add(name, unescape(a["value"]))
	}
	form.Set("ring_seconds", strconv.Itoa(15+rng.IntN(30)))
	start := time.Now()
	res, err := post(ctx, p.client, st.consoleURL+path, form, st.consoleURL)
	if ctx.Err() != nil {
		return
	}
	status := 0
	if err == nil {
		status = res.StatusCode
		if status == http.StatusSeeOther {
			status = http.StatusOK // the save landed
		}
	}
	rec.add("save", time.Since(start), status)
}
