package handlers

import (
	"fmt"
	"net/http"
	"time"

	"github.com/a-h/templ"

	"switchboard/dialpad/routing"
	"switchboard/handlers/access"
	"switchboard/views"
)

// sampleInternalNumber stands in for the dialled number of a router that
// has none yet (555-01xx numbers are reserved for fiction).
const sampleInternalNumber = "+14155550100"

// RouterTestCall sends the router's routing URL a call shaped exactly like
// Dialpad's, as raw JSON or, when the person gives the secret, as an HS256
// JWT, and reports how Dialpad would count the answer. The secret is used
// for this request only: never stored, logged or shown. Private, loopback
// and link-local addresses are refused unless the console allows them.
func (h *Handler) RouterTestCall(w http.ResponseWriter, r *http.Request) {
	who, read, ok := h.routerRequestFor(w, r, access.TestRouter)
	if !ok {
		return
	}
	routerID := read.ID
	if !h.readForm(w, r, maxRouterFormLen) {
		return
	}
	ctx := r.Context()
	secret := r.PostFormValue("secret")
	cr, targets, err := h.loadRouterPage(ctx, who, routerID, false)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	page := routerPage{router: *cr, base: *cr, targets: targets, partial: testerPartial}
	if secret != "" {
		if msg := checkSecret(secret); msg != "" {
			page.test.FieldErrors = map[string]string{"secret": msg}
			h.renderRouterPage(w, r, http.StatusUnprocessableEntity, page)
			return
		}
	}

	number := sampleInternalNumber
	if len(cr.PhoneNumbers) > 0 {
		number = cr.PhoneNumbers[0]
	}
	caller := routing.Caller{AllowPrivate: h.AllowPrivateRoutingURLs, Timeout: h.routingTimeout()}
	res := caller.Call(ctx, cr.RoutingURL, routing.SamplePayload(h.now(), number), secret)
	var describe func(routing.Answer) (string, bool)
	if a := res.Answer; a != nil {
		// Does the answer's target exist? Read it by id unless known.
		if t, err := h.routerNames(ctx, who, target{a.TargetType, a.TargetID}); err == nil {
			page.targets, describe = t, t.describe
			res = res.CheckTarget(describe)
		} else {
			h.logger().WarnContext(ctx, "routing answer's target not checked", "router_id", routerID, "err", err)
		}
	}
	// The URL stays out of the log: it may carry credentials.
	h.logger().InfoContext(ctx, "routing URL tested", "router_id", routerID, "status", res.Status,
		"latency_ms", res.Latency.Milliseconds(), "routing_error", res.IsRoutingError(), "signed", secret != "")
	result := testResult(res, describe, caller.Timeout, secret != "")
	if !result.Signed && hasSecret(*cr) && (res.Status == http.StatusUnauthorized || res.Status == http.StatusForbidden) {
		result.Hint = "This router signs its requests, and this test went unsigned, so the routing service may have refused it for that. Paste the router's secret above to send a signed test."
	}
	page.test.Result = &result
	h.renderRouterPage(w, r, http.StatusOK, page)
}

// testerPartial is what htmx swaps: the tester card with its result.
func testerPartial(v views.RouterEditor) templ.Component { return views.RouterTesterCard(v.Tester) }

// routingTimeout is how long the tester waits for an answer: Dialpad's
// 5 seconds unless the Handler says otherwise (tests).
func (h *Handler) routingTimeout() time.Duration {
	if h.RoutingTimeout > 0 {
		return h.RoutingTimeout
	}
	return routing.DefaultTimeout
}

// testResult words a test call for a support agent; limit is how long the
// tester waited.
func testResult(res routing.Result, describe func(routing.Answer) (string, bool), limit time.Duration, signed bool) views.RouterTestResult {
	v := views.RouterTestResult{
		Verdict:     res.Summary(describe),
		OK:          !res.IsRoutingError(),
		Status:      "No answer",
		Latency:     latencyWords(res.Latency),
		LimitShare:  int(min(100, res.Latency*100/limit)),
		Limit:       latencyWords(limit),
		WithinLimit: res.Latency < limit,
		Answer:      "No valid answer",
		Signed:      signed,
	}
	if res.Status != 0 {
		v.Status = fmt.Sprintf("%d %s", res.Status, http.StatusText(res.Status))
	}
	if a := res.Answer; a != nil {
		v.Answer = a.String()
		if describe != nil {
			if name, ok := describe(*a); ok {
				v.Answer = name + " (" + routing.TargetTypeLabel(a.TargetType) + ")"
			} else {
				v.Answer = a.String() + ": no such target in Dialpad"
			}
		}
	}
	return v
}

// latencyWords is "120 ms" under a second, "5 s" or "5.2 s" above, and
// "under 1 ms" rather than "0 ms".
func latencyWords(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return "under 1 ms"
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d%time.Second == 0:
		return fmt.Sprintf("%d s", d/time.Second)
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
