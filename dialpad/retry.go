package dialpad

import (
	"context"
	"time"
)

// maxRetries is how many times a GET is repeated after a 5xx or a network
// failure. Writes are never repeated: Dialpad might have applied them.
const maxRetries = 2

// sleep waits d or until ctx ends, whichever comes first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryFits reports whether a retry needing need (its wait and an attempt
// as long as the one that failed) can end before ctx's deadline. One that
// cannot would only spend the page's time and the company's budget.
func retryFits(ctx context.Context, need time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return !ok || time.Until(deadline) > need
}
