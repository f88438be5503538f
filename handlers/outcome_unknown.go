package handlers

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"switchboard/dialpad"
)

// A write whose answer was lost (dialpad.ErrOutcomeUnknown: a timeout or a
// dropped connection after sending, a 5xx, an unreadable 2xx) may have been
// applied. The console never says "nothing was changed" then: it reads the
// resource again and shows it beside the person's input, or, when even
// that read fails, says it cannot tell and keeps the input.

// outcomeUnknown reports a write Dialpad may have applied, unless the
// browser left: nobody is there to read the answer.
func outcomeUnknown(err error) bool {
	return errors.Is(err, dialpad.ErrOutcomeUnknown) && !errors.Is(err, context.Canceled)
}

// unknownOutcomeStatus is 504 when Dialpad did not answer in time, and
// 502 when its answer was an error or unreadable.
func unknownOutcomeStatus(err error) int {
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return http.StatusGatewayTimeout
	}
	return http.StatusBadGateway
}

// unknownOutcomeMessage says what went wrong and that the change may have
// been made, in one or two sentences.
func unknownOutcomeMessage(err error) string {
	why := "Dialpad's answer was lost"
	if ae, ok := errors.AsType[*dialpad.APIError](err); ok {
		why = fmt.Sprintf("Dialpad answered with an error (%d)", ae.StatusCode)
	} else if unknownOutcomeStatus(err) == http.StatusGatewayTimeout {
		why = "Dialpad did not answer in time"
	}
	return why + ", so Switchboard cannot tell whether your change was saved: Dialpad may have applied it."
}

// unreadBack follows the message when the read after an unknown outcome
// failed too.
const unreadBack = "Switchboard could not read it back to check: open the page again in a moment to see what Dialpad has."

// recheckBudget is the share of the page deadline a read-back may take
// when the page's own deadline is what passed.
const recheckBudget = 4

// recheckContext is the context of the read after an unknown outcome. When
// the page's deadline has passed (the usual cause), the read gets a short
// deadline of its own, a quarter of the page's (a second at least), so the person still sees
// what Dialpad has; the page stays well inside the server's timeout.
func (h *Handler) recheckContext(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx.Err() == nil {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(context.WithoutCancel(ctx), max(h.pageDeadline()/recheckBudget, time.Second))
}
