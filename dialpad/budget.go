package dialpad

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"golang.org/x/time/rate"
)

// ErrBudgetExhausted means the company's Dialpad budget (the shared rate
// limiter) is spent for longer than the caller may wait: the call was not
// sent. errors.AsType[*BudgetError] tells how long until it would be.
var ErrBudgetExhausted = errors.New("dialpad: the company's request budget is spent for now")

// BudgetError is ErrBudgetExhausted with the wait the limiter asked for.
type BudgetError struct {
	Wait time.Duration // until the call could go out; 0 when unknown
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("%v (next request in %v)", ErrBudgetExhausted, e.Wait.Round(time.Millisecond))
}

func (e *BudgetError) Is(target error) bool { return target == ErrBudgetExhausted }

// Priority says whose call this is when the company's budget is short.
type Priority int

const (
	// PriorityPerson is a page someone is looking at or a save they made:
	// it takes the budget first, and fails fast rather than queue long.
	PriorityPerson Priority = iota
	// PriorityBulk is work on many targets (bulk hours, IVR copy). It
	// spends only what leaves half the burst for people, and otherwise
	// waits behind them, as long as its context allows.
	PriorityBulk
)

type priorityKey struct{}

// WithPriority marks the calls made with ctx.
func WithPriority(ctx context.Context, p Priority) context.Context {
	return context.WithValue(ctx, priorityKey{}, p)
}

// PriorityFrom is the priority of the calls made with ctx: PriorityPerson
// unless WithPriority said otherwise.
func PriorityFrom(ctx context.Context) Priority {
	p, _ := ctx.Value(priorityKey{}).(Priority)
	return p
}

// WithMaxBudgetWait caps how long a person's call waits for the limiter
// (WithBudget): a longer wait fails at once with a *BudgetError instead
// of holding the page. Zero, the default, waits as long as ctx allows.
func WithMaxBudgetWait(d time.Duration) Option {
	return func(s *settings) { s.maxWait = d }
}

// Budget is the company's request budget: one per company, shared by
// every person of it. Take takes one request for a call made with ctx (its
// Priority says whose it is), waiting at most maxWait for a person's call
// (0: as long as ctx allows), and fails with a *BudgetError when the wait
// would be longer. LocalBudget keeps it in this process; a shared one
// (Redis) keeps several instances of the console within one budget.
type Budget interface {
	Take(ctx context.Context, maxWait time.Duration) error
}

// LocalBudget is a Budget on l, in this process.
func LocalBudget(l *rate.Limiter) Budget { return localBudget{l} }

type localBudget struct{ l *rate.Limiter }

func (b localBudget) Take(ctx context.Context, maxWait time.Duration) error {
	if PriorityFrom(ctx) == PriorityBulk {
		return takeBehindPeople(ctx, b.l)
	}
	return reserve(ctx, b.l, maxWait)
}

// takeBudget takes one request from the company's budget, if any.
func (c *Client) takeBudget(ctx context.Context) error {
	if c.budget == nil {
		return nil
	}
	return c.budget.Take(ctx, c.maxWait)
}

// reserve takes a token, waiting for it unless the wait is longer than
// maxWait (when set) or than ctx's deadline: then the reservation is handed
// back, so a refused call costs nothing.
func reserve(ctx context.Context, l *rate.Limiter, maxWait time.Duration) error {
	now := time.Now()
	r := l.ReserveN(now, 1)
	if !r.OK() {
		return &BudgetError{}
	}
	d := r.DelayFrom(now)
	if d == 0 {
		return nil
	}
	if (maxWait > 0 && d > maxWait) || pastDeadline(ctx, now, d) {
		r.CancelAt(now)
		return &BudgetError{Wait: d}
	}
	if err := sleep(ctx, d); err != nil {
		r.Cancel()
		return err
	}
	return nil
}

// takeBehindPeople lets bulk work spend a token only while at least half
// the burst stays in the bucket, so a person opening a page or saving
// during a bulk run still finds budget at once. With nobody else about,
// bulk runs at the full rate: every token above the headroom is its.
func takeBehindPeople(ctx context.Context, l *rate.Limiter) error {
	headroom := float64(l.Burst() / 2)
	for {
		now := time.Now()
		short := headroom + 1 - l.TokensAt(now)
		if short <= 0 || l.Limit() == rate.Inf {
			return reserve(ctx, l, 0)
		}
		wait := time.Duration(math.Ceil(short / float64(l.Limit()) * float64(time.Second)))
		if l.Limit() <= 0 || pastDeadline(ctx, now, wait) {
			return &BudgetError{Wait: wait}
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// pastDeadline reports whether waiting d from now outlasts ctx.
func pastDeadline(ctx context.Context, now time.Time, d time.Duration) bool {
	dl, ok := ctx.Deadline()
	return ok && now.Add(d).After(dl)
}
