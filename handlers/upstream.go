package handlers

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"switchboard/dialpad"
)

// upstreamProblem is a failed Dialpad call as a person should see it.
type upstreamProblem struct {
	status      int // what Switchboard answers
	title       string
	message     string
	retryAfter  time.Duration
	actionHref  string
	actionLabel string
}

// UpstreamMessage is a plain sentence for any error from the Dialpad client,
// for pages and for the top of a form. It never repeats the raw error, which
// may name paths and ids a person has no use for.
func UpstreamMessage(err error) string {
	if p, ok := classifyUpstream(err); ok {
		return p.message
	}
	return "Something went wrong. Try again in a moment."
}

// classifyUpstream maps a client error to a problem; ok is false for errors
// that did not come from talking to Dialpad.
func classifyUpstream(err error) (upstreamProblem, bool) {
	if outcomeUnknown(err) {
		// First: the write went out, so "nothing was changed" would be
		// a guess (outcome_unknown.go).
		return upstreamProblem{
			status:  unknownOutcomeStatus(err),
			title:   "Dialpad may have made the change",
			message: unknownOutcomeMessage(err) + " Check what Dialpad has now before trying again.",
		}, true
	}
	if ae, ok := errors.AsType[*dialpad.APIError](err); ok {
		return apiProblem(ae), true
	}
	if p, ok := budgetProblem(err); ok {
		return p, true
	}
	switch {
	case err == nil:
		return upstreamProblem{}, false
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return upstreamProblem{
			status:  http.StatusGatewayTimeout,
			title:   "Dialpad did not answer in time",
			message: "Dialpad did not answer in time; nothing was changed. Try again in a moment.",
		}, true
	case errors.Is(err, context.Canceled):
		return upstreamProblem{
			status:  statusClientClosedRequest,
			title:   "Request cancelled",
			message: "The request was cancelled; nothing was changed.",
		}, true
	case errors.Is(err, dialpad.ErrUpstream):
		return upstreamProblem{
			status:  http.StatusBadGateway,
			title:   "Couldn't reach Dialpad",
			message: "Couldn't reach Dialpad; nothing was changed. Try again.",
		}, true
	}
	return upstreamProblem{}, false
}

func isTimeout(err error) bool {
	ne, ok := errors.AsType[net.Error](err)
	return ok && ne.Timeout()
}

func apiProblem(e *dialpad.APIError) upstreamProblem {
	switch code := e.StatusCode; {
	case code == http.StatusUnauthorized:
		return upstreamProblem{
			status:      http.StatusUnauthorized,
			title:       "Your Dialpad sign-in has expired",
			message:     "Dialpad no longer accepts your sign-in. Sign in again to carry on.",
			actionHref:  "/login",
			actionLabel: "Sign in again",
		}
	case code == http.StatusForbidden:
		return upstreamProblem{
			status:  http.StatusForbidden,
			title:   "Not allowed",
			message: "You don't have permission to change this in Dialpad.",
		}
	case code == http.StatusNotFound:
		return upstreamProblem{
			status:  http.StatusNotFound,
			title:   "Not found",
			message: "Dialpad couldn't find it — it may have been deleted.",
		}
	case code == http.StatusTooManyRequests:
		return upstreamProblem{
			status:     http.StatusTooManyRequests,
			title:      "Too many requests",
			message:    "Dialpad is rate-limiting requests; try again in " + inSeconds(e.RetryAfter) + ".",
			retryAfter: e.RetryAfter,
		}
	case code >= 500:
		return upstreamProblem{
			status:  http.StatusBadGateway,
			title:   "Dialpad is having trouble",
			message: fmt.Sprintf("Dialpad is having trouble (%d); nothing was changed. Try again.", code),
		}
	}
	return upstreamProblem{
		status:  http.StatusBadRequest,
		title:   "Dialpad refused the request",
		message: "Dialpad says: " + dialpadSays(e.Message),
	}
}

// dialpadSays is Dialpad's own message made fit for a sentence.
func dialpadSays(msg string) string {
	msg = strings.TrimSpace(msg)
	if msg == "" {
		return "the request was not accepted."
	}
	return msg
}

// inSeconds words a wait, rounded up: "42 seconds", "1 second".
func inSeconds(d time.Duration) string {
	s := int64(math.Ceil(d.Seconds()))
	switch {
	case s <= 0:
		return "a few seconds"
	case s == 1:
		return "1 second"
	}
	return strconv.FormatInt(s, 10) + " seconds"
}

// retryAfterHeader passes Dialpad's wait on to the browser, in whole seconds.
func retryAfterHeader(d time.Duration) string {
	return strconv.FormatInt(int64(math.Ceil(d.Seconds())), 10)
}
