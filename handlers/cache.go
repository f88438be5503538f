package handlers

import (
	"switchboard/handlers/access"

	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/cache"
)

// What the console read from Dialpad is kept for cache.DefaultTTL (30 s)
// under a scope: with own tokens one person, whose token made the reads
// (two people may see different things); in company-key mode the company,
// since one shared credential made them: everyone shares the reads, and
// roles filter what each person sees. Every key starts with the scope, so
// one prefix drops all of it.

// cacheScope is the key prefix of what user's Dialpad client reads.
func (h *Handler) cacheScope(user dialpad.User) string {
	if h.Mode == access.CompanyKey {
		return "company:" + user.CompanyID.String() + "/"
	}
	return "user:" + user.ID.String() + "/"
}

// caches are the Handler's read caches, set up on first use with the
// Handler's clock.
func (h *Handler) caches() *handlerCaches {
	h.cacheInit.Do(func() {
		h.cache.reads.Now = h.now
		h.cache.review.Now = h.now
		if h.cache.drops != nil {
			h.cache.reads.Drops = h.cache.drops("reads")
			h.cache.review.Drops = h.cache.drops("review")
		}
	})
	return &h.cache
}

// handlerCaches: raw GET answers (every page), and the hours review's
// lists, built from them, which the largest companies need kept decoded.
type handlerCaches struct {
	reads  cache.Cache[[]byte]
	review cache.Cache[*reviewData]
	drops  func(name string) cache.Drops // ShareCacheDrops; nil in one process
}

// ShareCacheDrops has every instance sharing drops (web/redisstate) learn
// what a write on any of them dropped, so nobody sees stale data after a
// save, whichever instance answers. drops builds the record of one named
// cache. web calls it at start-up, before serving.
func (h *Handler) ShareCacheDrops(drops func(name string) cache.Drops) {
	h.cache.drops = drops
}

// ReadCache is what web hands to user's Dialpad client
// (dialpad.WithReadCache): every GET it makes goes through the cache.
func (h *Handler) ReadCache(user dialpad.User) dialpad.ReadCache {
	return scopedReads{c: &h.caches().reads, scope: h.cacheScope(user)}
}

type scopedReads struct {
	c     *cache.Cache[[]byte]
	scope string
}

func (s scopedReads) Read(ctx context.Context, key string, fresh bool, load func(context.Context) ([]byte, error)) ([]byte, error) {
	return s.c.Get(ctx, s.scope+key, fresh, load)
}

// dropWritten brings up to date, under scope, what writes Dialpad
// accepted may have changed: a PATCH of one resource is written through
// (writeThrough); anything else drops what it affects. The hours review,
// decoded from the lists, is dropped either way; it is rebuilt from the
// raw reads, which stay warm after a write-through.
func (h *Handler) dropWritten(scope string, writes []write) {
	c := h.caches()
	review := false
	for _, w := range writes {
		prefix, hours := affectedBy(w.path)
		if !writeThrough(&c.reads, scope, w) {
			c.reads.DropPrefix(scope + prefix)
		}
		review = review || hours
	}
	if review {
		c.review.DropPrefix(scope)
	}
}

// affectedBy is what a write to path may change: every read of the same
// collection ("/api/v2/callcenters" for a PATCH of one call center: the
// lists, the call center, its status), and whether the hours review is
// built from it. A write to anything else drops all the scope's reads.
func affectedBy(path string) (prefix string, hours bool) {
	rest, ok := strings.CutPrefix(path, "/api/v2/")
	name, _, _ := strings.Cut(rest, "/")
	switch {
	case !ok || name == "":
		return "", true
	case name == "callrouters" || name == "customivrs":
		return "/api/v2/" + name, false
	case name == "callcenters" || name == "departments":
		return "/api/v2/" + name, true
	}
	return "", true
}

// refreshParam on any page's URL reads that page afresh from Dialpad.
const refreshParam = "refresh"

// wantsFresh reports whether the request must read Dialpad past the cache:
// a form post (a save reads before it writes; a preview or copy plan must
// see the truth) or a Refresh.
func wantsFresh(r *http.Request) bool {
	return (r.Method != http.MethodGet && r.Method != http.MethodHead) || r.URL.Query().Has(refreshParam)
}

// refreshHref is the request's own URL asking for fresh reads.
func refreshHref(r *http.Request) string {
	q := r.URL.Query()
	q.Set(refreshParam, "1")
	return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
}

// dataAge words how old the page's data is: "Data from Dialpad, 12 s ago".
func dataAge(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	switch {
	case s < 2:
		return "Data from Dialpad, just now"
	case s < 60:
		return "Data from Dialpad, " + strconv.Itoa(s) + " s ago"
	}
	return "Data from Dialpad, " + strconv.Itoa(s/60) + " min ago"
}
