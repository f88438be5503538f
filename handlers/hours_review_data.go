package handlers

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/cache"
)

// reviewConcurrency bounds the lists read at once. The company's rate
// limiter paces them anyway; the bound keeps a hundred offices from opening
// two hundred connections that would only wait on it.
const reviewConcurrency = 8

// A list answered 429 is read again after Dialpad's Retry-After, up to
// reviewRetries times, when the wait is at most reviewMaxWait.
const (
	reviewRetries = 2
	reviewMaxWait = 2 * time.Second
)

// reviewItem is a call center or a department as its office's list
// returned it; the hours come with the list, so no item is read alone.
type reviewItem struct {
	Kind string // dialpad.TargetCallCenter or dialpad.TargetDepartment
	group
}

// target names the item in forms: "callcenter:123".
func (it reviewItem) target() string { return it.Kind + ":" + it.ID.String() }

// reviewFailure is an office whose lists Dialpad did not hand over.
type reviewFailure struct {
	Office dialpad.Office
	Err    error
}

// reviewData is everything the review page, the CSV and bulk apply read.
// Once built it is never modified: the cache shares it between requests.
type reviewData struct {
	Offices       []dialpad.Office // primary first, then by name
	Items         []reviewItem     // by office (in Offices order), then name
	Failed        []reviewFailure
	OfficeUnknown bool // the office asked for does not exist; every office was read
	LoadedAt      time.Time
}

// reviewData loads the lists for one office (0 = all), from the person's
// cache unless refresh asks for a fresh read. Complete loads are cached;
// one with a failed office is not, so the next look tries again.
func (h *Handler) reviewData(ctx context.Context, who *Identity, office dialpad.ID, refresh bool) (*reviewData, error) {
	key := h.cacheScope(who.User) + "review?office=" + office.String()
	reviews := &h.caches().review
	d, err := reviews.Get(ctx, key, refresh, func(ctx context.Context) (*reviewData, error) {
		started := h.now()
		// A Refresh reads every list afresh; otherwise the lists come
		// from the read cache where warm (after a save they are kept up
		// to date in place), and the review is as old as its oldest list.
		lctx := ctx
		if refresh {
			lctx = dialpad.WithFreshReads(ctx)
		}
		d, err := loadReview(lctx, who.Client, office)
		if err != nil {
			return nil, err
		}
		d.LoadedAt = started
		if oldest := cache.AgeFrom(ctx).Oldest(); !oldest.IsZero() && oldest.Before(started) {
			d.LoadedAt = oldest
		}
		return d, nil
	})
	if err == nil && len(d.Failed) > 0 {
		// A load with a failed office is not kept: the next look tries again.
		reviews.DropPrefix(key)
	}
	return d, err
}

// loadReview reads the offices, then each office's call centers and
// departments concurrently. A failed office is recorded and the rest are
// shown; when every office failed there is nothing to show, and the first
// failure is the answer.
func loadReview(ctx context.Context, c *dialpad.Client, office dialpad.ID) (*reviewData, error) {
	offices, err := c.Offices(ctx)
	if err != nil {
		return nil, err
	}
	d := &reviewData{Offices: sortedOffices(offices)}
	read := d.Offices
	if office != 0 {
		i := slices.IndexFunc(read, func(o dialpad.Office) bool { return o.ID == office })
		if i >= 0 {
			read = read[i : i+1]
		} else {
			d.OfficeUnknown = true
		}
	}

	var (
		mu     sync.Mutex
		items  = map[dialpad.ID][]reviewItem{}
		failed = map[dialpad.ID]error{}
		g      fanOut
	)
	g.SetLimit(reviewConcurrency)
	record := func(o dialpad.ID, got []reviewItem, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed[o] = cmp.Or(failed[o], err)
			return
		}
		items[o] = append(items[o], got...)
	}
	for _, o := range read {
		f := dialpad.ListFilter{OfficeID: o.ID}
		g.Go(func() {
			ccs, err := politely(ctx, func() ([]dialpad.CallCenter, error) { return c.CallCenters(ctx, f) })
			record(o.ID, reviewItems(dialpad.TargetCallCenter, callCenterGroups(ccs)), err)
		})
		g.Go(func() {
			ds, err := politely(ctx, func() ([]dialpad.Department, error) { return c.Departments(ctx, f) })
			record(o.ID, reviewItems(dialpad.TargetDepartment, departmentGroups(ds)), err)
		})
	}
	// Failures are per office, in failed; only a panic comes back here.
	if err := g.Wait(); err != nil {
		return nil, err
	}

	for _, o := range read {
		if err := failed[o.ID]; err != nil {
			d.Failed = append(d.Failed, reviewFailure{Office: o, Err: err})
			continue
		}
		d.Items = append(d.Items, sortReviewItems(items[o.ID])...)
	}
	if len(read) > 0 && len(d.Failed) == len(read) {
		return nil, d.Failed[0].Err
	}
	if len(d.Failed) > 0 && ctx.Err() != nil {
		// The person left or the request ran out of time: the failures
		// say nothing about the offices.
		return nil, ctx.Err()
	}
	return d, nil
}

// politely reads a list again after a 429, once Dialpad's Retry-After has
// passed, when that is short. The console's limiter and Dialpad count the
// same 20 requests/s on two clocks, so the odd 429 is timing, not
// overload; a longer wait would hold the page, so the office is reported
// instead.
func politely[T any](ctx context.Context, list func() ([]T, error)) ([]T, error) {
	for attempt := 0; ; attempt++ {
		items, err := list()
		ae, ok := errors.AsType[*dialpad.APIError](err)
		if !ok || !errors.Is(err, dialpad.ErrRateLimited) || attempt == reviewRetries || ae.RetryAfter > reviewMaxWait {
			return items, err
		}
		t := time.NewTimer(max(ae.RetryAfter, time.Second/20))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, err
		case <-t.C:
		}
	}
}

func reviewItems(kind string, gs []group) []reviewItem {
	out := make([]reviewItem, len(gs))
	for i, g := range gs {
		out[i] = reviewItem{Kind: kind, group: g}
	}
	return out
}

// sortReviewItems orders one office's items by name, call centers before
// departments of the same name, then by id, so the page never reshuffles.
func sortReviewItems(items []reviewItem) []reviewItem {
	slices.SortFunc(items, func(a, b reviewItem) int {
		return cmp.Or(
			cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)),
			cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return items
}
