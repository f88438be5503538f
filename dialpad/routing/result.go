package routing

import (
	"fmt"
	"time"
)

// Result is one routing attempt as the routing service answered it.
type Result struct {
	Status  int           // HTTP status, 0 if none came
	Latency time.Duration // from sending the request to reading the answer
	Answer  *Answer       // the parsed answer, if valid
	// Problem says in plain words why the attempt would count as a routing
	// error ("timed out after 5 s", "answered 500"); empty when it would not.
	Problem string
}

// IsRoutingError reports whether Dialpad would count the attempt as a
// routing error. It does not know whether the target exists: see CheckTarget.
func (r Result) IsRoutingError() bool { return r.Problem != "" || r.Answer == nil }

// CheckTarget returns r with a Problem when its answer names a target that
// does not exist. describeTarget says whether a target exists and its name.
func (r Result) CheckTarget(describeTarget func(Answer) (name string, ok bool)) Result {
	if r.IsRoutingError() {
		return r
	}
	if _, ok := describeTarget(*r.Answer); !ok {
		r.Problem = missingTarget(*r.Answer)
	}
	return r
}

// Summary is the verdict a support agent reads: "Would be routed to Sales
// (call center) in 120 ms." or "Would count as a routing error: timed out
// after 5 s." describeTarget says whether the answer's target exists and
// its name; nil skips that check.
func (r Result) Summary(describeTarget func(Answer) (name string, ok bool)) string {
	if r.IsRoutingError() {
		return "Would count as a routing error: " + r.problem() + "."
	}
	target := r.Answer.String()
	if describeTarget != nil {
		name, ok := describeTarget(*r.Answer)
		if !ok {
			return "Would count as a routing error: " + missingTarget(*r.Answer) + "."
		}
		if name != "" {
			target = fmt.Sprintf("%s (%s)", name, TargetTypeLabel(r.Answer.TargetType))
		}
	}
	return fmt.Sprintf("Would be routed to %s in %s.", target, latencyMS(r.Latency))
}

// latencyMS is a latency in whole milliseconds, precise enough against
// Dialpad's 5 s; "under 1 ms" rather than "0 ms" for a service next door.
func latencyMS(d time.Duration) string {
	if d < time.Millisecond {
		return "under 1 ms"
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}

// problem is Problem, or a fallback for a hand-made Result that has neither
// a problem nor an answer.
func (r Result) problem() string {
	if r.Problem != "" {
		return r.Problem
	}
	return "no answer"
}

func missingTarget(a Answer) string {
	return "target " + a.String() + " does not exist"
}
