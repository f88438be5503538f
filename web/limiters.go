package web

import (
	"sync"

	"golang.org/x/time/rate"

	"switchboard/dialpad"
)

// Dialpad allows 20 requests/s per company. Every person of one company
// shares one limiter, so the console slows down instead of earning 429s. It
// runs a little under the limit, with a smaller burst, because requests
// reach Dialpad with jitter: at exactly 20/s a burst that left on time can
// arrive bunched and still be refused.
const (
	companyRPS   = 19
	companyBurst = 10
)

// limiters holds one rate limiter per company for the server's lifetime.
type limiters struct {
	mu sync.Mutex
	m  map[dialpad.ID]*rate.Limiter
}

func newLimiters() *limiters {
	return &limiters{m: map[dialpad.ID]*rate.Limiter{}}
}

// forCompany returns the company's limiter, creating it on first use.
func (l *limiters) forCompany(id dialpad.ID) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim, ok := l.m[id]
	if !ok {
		lim = rate.NewLimiter(companyRPS, companyBurst)
		l.m[id] = lim
	}
	return lim
}
