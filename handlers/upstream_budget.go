package handlers

import (
	"errors"
	"net/http"
	"time"

	"switchboard/dialpad"
)

// budgetFallbackWait is the Retry-After sent when the limiter named no wait.
const budgetFallbackWait = 5 * time.Second

// budgetProblem is the company's Dialpad budget spent for longer than a
// person should wait: nothing was sent, so a plain 503 saying when to try
// again, with Retry-After; on a form the caller keeps what was typed.
func budgetProblem(err error) (upstreamProblem, bool) {
	if !errors.Is(err, dialpad.ErrBudgetExhausted) {
		return upstreamProblem{}, false
	}
	wait := budgetFallbackWait
	if be, ok := errors.AsType[*dialpad.BudgetError](err); ok && be.Wait > 0 {
		wait = be.Wait
	}
	return upstreamProblem{
		status:     http.StatusServiceUnavailable,
		title:      "Dialpad is busy",
		message:    "Your company has used its Dialpad requests for the moment; nothing was sent. Try again in " + inSeconds(wait) + ".",
		retryAfter: wait,
	}, true
}
