package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"switchboard/dialpad"
	// Aliased: the seed has a func named routing.
	callrouting "switchboard/dialpad/routing"
)

// Why PlaceCall placed no routing request.
var (
	ErrRouterNotFound = errors.New("no such call router")
	ErrRouterDisabled = errors.New("the router is disabled, so the call went straight to its default target")
	ErrRouterNoNumber = errors.New("the router has no phone number to call")
)

// defaultCaller is the number simulated calls come from (555-01xx numbers
// are reserved for fiction).
const defaultCaller = "+14155550123"

// PlaceCall simulates an inbound call from the number from on the router's
// primary number, as Dialpad handles it: it posts the routing request (an
// HS256 JWT when the router has a secret, raw JSON otherwise) to the
// routing URL and counts a routing error when the answer fails (error
// status, not a valid target, a target the company lacks, more than 5 s).
// More than 10 errors in an hour disable the router. A disabled router
// sends no request. Private addresses are allowed: the emulator runs next
// to its routing services (demo, tests).
func (e *Emulator) PlaceCall(ctx context.Context, routerID dialpad.ID, from string) (callrouting.Result, error) {
	e.mu.Lock()
	cr, ok := e.st.routers.get(routerID)
	if !ok {
		e.mu.Unlock()
		return callrouting.Result{}, ErrRouterNotFound
	}
	routingURL, secret, enabled := cr.RoutingURL, cr.secret, cr.Enabled
	var number string
	if len(cr.PhoneNumbers) > 0 {
		number = cr.PhoneNumbers[0]
	}
	now := e.now()
	e.mu.Unlock()

	switch {
	case number == "":
		return callrouting.Result{}, ErrRouterNoNumber
	case !enabled:
		return callrouting.Result{}, ErrRouterDisabled
	}
	p := callrouting.SamplePayload(now, number)
	if from != "" {
		p.ExternalNumber = from
	}
	// The lock is not held over the network: the routing service may be
	// slow, and other requests must go on meanwhile.
	caller := callrouting.Caller{AllowPrivate: true}
	res := caller.Call(ctx, routingURL, p, secret)
	res = res.CheckTarget(func(a callrouting.Answer) (string, bool) {
		e.mu.Lock()
		defer e.mu.Unlock()
		return "", e.st.targetExists(a.TargetType, a.TargetID)
	})
	if res.IsRoutingError() {
		e.RecordRoutingError(routerID)
	}
	return res, nil
}

// maxCallsPerRequest bounds the calls one request to the extension
// endpoint places.
const maxCallsPerRequest = 50

// callOutcome is one simulated call as the extension endpoint reports it.
type callOutcome struct {
	Status    int                 `json:"status"`
	LatencyMS int64               `json:"latency_ms"`
	Routed    bool                `json:"routed"`
	Target    *callrouting.Answer `json:"target,omitempty"`
	Problem   string              `json:"problem,omitempty"`
}

// placeCalls is the emulator extension POST /emulator/callrouters/{id}/calls
// (real Dialpad has no such URL): it places ?count= calls (default 1) from
// ?from= and answers what happened to each, with the router's state after.
func (e *Emulator) placeCalls(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id", "call router")
	if err != nil {
		writeError(w, err)
		return
	}
	count := 1
	if raw := r.URL.Query().Get("count"); raw != "" {
		if count, err = strconv.Atoi(raw); err != nil || count < 1 || count > maxCallsPerRequest {
			writeError(w, badRequest("count must be between 1 and %d", maxCallsPerRequest))
			return
		}
	}
	from := r.URL.Query().Get("from")
	if from != "" && !isE164(from) {
		writeError(w, badRequest("from must be an E.164 number like +14155550123"))
		return
	}
	if from == "" {
		from = defaultCaller
	}

	out := struct {
		Calls      []callOutcome `json:"calls"`
		Stopped    string        `json:"stopped,omitempty"` // why calls stopped being routed
		Enabled    bool          `json:"enabled"`
		ErrorCount int           `json:"error_count"`
	}{Calls: []callOutcome{}}
	for range count {
		res, err := e.PlaceCall(r.Context(), id, from)
		if errors.Is(err, ErrRouterNotFound) {
			writeError(w, notFound("call router %s not found", id))
			return
		}
		if err != nil {
			out.Stopped = err.Error()
			break
		}
		out.Calls = append(out.Calls, callOutcome{
			Status:    res.Status,
			LatencyMS: res.Latency.Milliseconds(),
			Routed:    !res.IsRoutingError(),
			Target:    res.Answer,
			Problem:   res.Problem,
		})
	}
	e.mu.Lock()
	if cr, ok := e.st.routers.get(id); ok {
		out.Enabled = cr.Enabled
		out.ErrorCount = len(recentErrors(cr.errors, e.now()))
	}
	e.mu.Unlock()
	writeJSON(w, http.StatusOK, mustMarshal(out))
}

// RouterSecret is the router's signing secret, which the API never returns.
// Demo mode's routing services check requests with it, standing in for a
// person who copied the secret to their routing service.
func (e *Emulator) RouterSecret(id dialpad.ID) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	if cr, ok := e.st.routers.get(id); ok {
		return cr.secret
	}
	return ""
}

// CallRouters lists the company's routers as the API shows them: the
// signature says whether a secret is set, never what it is. Demo wiring
// uses it to point the seeded routers at a local routing service.
func (e *Emulator) CallRouters() []dialpad.CallRouter {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []dialpad.CallRouter
	for _, cr := range e.st.routers.all() {
		var v dialpad.CallRouter
		if err := json.Unmarshal(wireRouter(cr), &v); err != nil {
			panic(fmt.Sprintf("emulator: router %s does not decode: %v", cr.ID, err))
		}
		out = append(out, v)
	}
	return out
}
