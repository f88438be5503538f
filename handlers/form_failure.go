package handlers

import "net/http"

// formFailure prepares the answer to a failed Dialpad call on a form post:
// the status that fits it (Dialpad refusing the values, 400, is the
// person's to fix: 422), a Retry-After header when Dialpad named a wait,
// and the plain sentence for the top of the form, which the caller renders
// with everything typed kept. ok is false when the answer is already
// written: the error was not Dialpad's (a 500 page), or the browser left.
// logAttrs name what failed in the log line.
func (h *Handler) formFailure(w http.ResponseWriter, r *http.Request, err error, event string, logAttrs ...any) (status int, message string, ok bool) {
	prob, isUpstream := classifyUpstream(err)
	switch {
	case !isUpstream:
		h.ServerError(w, r, err)
		return 0, "", false
	case prob.status == statusClientClosedRequest:
		w.WriteHeader(prob.status)
		return 0, "", false
	}
	h.logger().WarnContext(r.Context(), event, append(logAttrs, "status", prob.status, "err", err)...)
	status = prob.status
	if status == http.StatusBadRequest {
		status = http.StatusUnprocessableEntity
	}
	if prob.retryAfter > 0 {
		w.Header().Set("Retry-After", retryAfterHeader(prob.retryAfter))
	}
	return status, prob.message, true
}
