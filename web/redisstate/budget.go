package redisstate

import (
	"context"
	"log/slog"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"

	"switchboard/dialpad"
)

// Budget is one company's Dialpad budget shared by every instance: a GCRA
// limiter in Redis (redis_rate, on Redis's own clock), with the same
// numbers and the same fail-fast rule as the in-process limiter. While
// Redis does not answer, calls take from Fallback instead (this instance's
// own limiter), so pages keep working at one instance's share.
type Budget struct {
	limiter  *redis_rate.Limiter
	key      string
	person   redis_rate.Limit
	bulk     redis_rate.Limit
	fallback dialpad.Budget
	logger   *slog.Logger
}

// NewBudget is company's budget of rate requests a second with burst.
// Bulk work (dialpad.PriorityBulk) is admitted with half the burst kept
// back: GCRA on the same key with a smaller burst only lets a call through
// while more of the bucket is left, which leaves that much for people.
func NewBudget(rdb *redis.Client, company dialpad.ID, rate, burst int, fallback dialpad.Budget, logger *slog.Logger) *Budget {
	return &Budget{
		limiter:  redis_rate.NewLimiter(rdb),
		key:      keyPrefix + "budget:" + company.String(),
		person:   redis_rate.Limit{Rate: rate, Burst: burst, Period: time.Second},
		bulk:     redis_rate.Limit{Rate: rate, Burst: max(1, burst-burst/2), Period: time.Second},
		fallback: fallback,
		logger:   logger,
	}
}

// Take takes one request, waiting while the wait stays within maxWait (a
// person's call; 0 means no cap) and ctx's deadline, and otherwise fails
// with a *dialpad.BudgetError at once.
func (b *Budget) Take(ctx context.Context, maxWait time.Duration) error {
	limit := b.person
	if dialpad.PriorityFrom(ctx) == dialpad.PriorityBulk {
		limit, maxWait = b.bulk, 0
	}
	var waited time.Duration
	for {
		cctx, cancel := bounded(ctx)
		res, err := b.limiter.Allow(cctx, b.key, limit)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			b.logger.WarnContext(ctx, "shared Dialpad budget unavailable; using this instance's", "err", err)
			return b.fallback.Take(ctx, maxWait)
		}
		if res.Allowed > 0 {
			return nil
		}
		wait := res.RetryAfter
		if (maxWait > 0 && waited+wait > maxWait) || pastDeadline(ctx, wait) {
			return &dialpad.BudgetError{Wait: wait}
		}
		// Another instance may take the request that frees up meanwhile:
		// then ask again, still within maxWait in total.
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		waited += wait
	}
}

func pastDeadline(ctx context.Context, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && time.Now().Add(d).After(dl)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
