package web

import (
	"log/slog"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
	"golang.org/x/time/rate"

	"switchboard/dialpad"
	"switchboard/web/redisstate"
)

// Dialpad allows 20 requests/s per company. Every person of one company
// shares one limiter, so the console slows down instead of earning 429s. It
// runs a little under the limit, with a smaller burst, because requests
// reach Dialpad with jitter: at exactly 20/s a burst that left on time can
// arrive bunched and still be refused. Rate plus burst is 20: no window of
// one second ever holds more than Dialpad's 20 requests. The read cache
// (handlers/cache.go) makes most pages cost no request at all.
const (
	companyRPS   = 15
	companyBurst = 5
	// maxBudgetWait is the longest a page or save waits for the company's
	// budget; past it the person gets a 503 with Retry-After at once
	// (dialpad.ErrBudgetExhausted) rather than a page that hangs.
	maxBudgetWait = 2 * time.Second
)

func newCompanyLimiter() *rate.Limiter { return rate.NewLimiter(companyRPS, companyBurst) }

// WithCompanyLimiter sets how each company's limiter is built; tests use a
// limiter that never refills to spend the budget on purpose.
func WithCompanyLimiter(newLimiter func() *rate.Limiter) Option {
	return func(s *Server) { s.limiters.new = newLimiter }
}

// limiters holds one budget per company for the server's lifetime: a rate
// limiter in this process, or with Redis (shared) one budget for every
// instance together, the same numbers enforced in Redis.
type limiters struct {
	mu  sync.Mutex
	m   map[dialpad.ID]dialpad.Budget
	new func() *rate.Limiter

	shared *redis.Client // set at start-up when instances share a Redis
	logger *slog.Logger
}

func newLimiters() *limiters {
	return &limiters{m: map[dialpad.ID]dialpad.Budget{}, new: newCompanyLimiter}
}

// forCompany returns the company's budget, creating it on first use.
func (l *limiters) forCompany(id dialpad.ID) dialpad.Budget {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.m[id]
	if !ok {
		b = dialpad.LocalBudget(l.new())
		if l.shared != nil {
			// The process's own limiter stays as the fallback while Redis
			// does not answer.
			b = redisstate.NewBudget(l.shared, id, companyRPS, companyBurst, b, l.logger)
		}
		l.m[id] = b
	}
	return b
}
