package handlers

import (
	"encoding/json"
	"net/http"
	"strconv"

	"switchboard/dialpad"
	"switchboard/views"
)

// ivrCopyRunStart answers the first htmx post of an apply: the progress
// and every target of the plan waiting, the first one set to ask for
// itself. Nothing is sent to Dialpad yet.
func (h *Handler) ivrCopyRunStart(w http.ResponseWriter, r *http.Request, t ivrTarget, plan ivrCopyPlan) {
	p := copyProgress(t, plan, 0, copyTally{})
	v := views.IVRCopy{Plan: r.PostForm.Get("_plan"), Run: &p}
	for i := range plan.Targets {
		res := waitingTarget(t, plan, i)
		if i == 0 {
			res.Next = copyNext(t, 0, copyTally{})
		}
		v.Results = append(v.Results, res)
	}
	h.Render(w, r, http.StatusOK, views.IVRCopyRun(v), nil)
}

// ivrCopyRunStep applies target _target of the plan and answers its
// results, the progress (with the tally carried from the steps before) and
// the next target, set to ask for itself.
func (h *Handler) ivrCopyRunStep(w http.ResponseWriter, r *http.Request, who *Identity, t ivrTarget, plan ivrCopyPlan) {
	i, err := strconv.Atoi(r.PostForm.Get("_target"))
	if err != nil || i < 0 || i >= len(plan.Targets) {
		h.RenderError(w, r, http.StatusBadRequest, "Unknown step",
			"This copy has no such target, so nothing was sent to Dialpad. Open the copy page again.")
		return
	}
	// The tally so far only feeds the words on the person's own page.
	tally := copyTally{done: formCount(r, "_done"), failed: formCount(r, "_failed"), skipped: formCount(r, "_skipped"),
		unknown: formCount(r, "_unknown")}
	res, n := applyCopyTarget(r.Context(), who.Client, h.auditor(who), t.Kind.Type, plan.Targets[i])
	if r.Context().Err() != nil {
		w.WriteHeader(statusClientClosedRequest)
		return
	}
	tally.add(n)
	res.Anchor = copyAnchor(i)
	var next *views.IVRCopyResult
	if i+1 < len(plan.Targets) {
		nx := waitingTarget(t, plan, i+1)
		nx.Next = copyNext(t, i+1, tally)
		next = &nx
	} else {
		h.logCopy(r, t, len(plan.Targets), tally)
	}
	h.Render(w, r, http.StatusOK, views.IVRCopyStep(copyProgress(t, plan, i+1, tally), res, next), nil)
}

// waitingTarget is target i of the plan before it is applied.
func waitingTarget(t ivrTarget, plan ivrCopyPlan, i int) views.IVRCopyResult {
	pt := plan.Targets[i]
	res := views.IVRCopyResult{Anchor: copyAnchor(i), Name: pt.Name, Href: "/ivrs/" + t.Kind.Type + "/" + pt.ID.String()}
	for _, step := range pt.Steps {
		res.Items = append(res.Items, views.IVRCopyItem{Label: dialpad.IVRTypeLabel(step.IVRType), From: step.FromWords, To: step.ToWords, Status: "waiting"})
	}
	return res
}

func copyAnchor(i int) string { return "copy-target-" + strconv.Itoa(i) }

// copyNext is the request that applies target i, carrying the tally of the
// targets before it.
func copyNext(t ivrTarget, i int, tally copyTally) *views.IVRCopyNext {
	vals, _ := json.Marshal(map[string]string{
		"_target":  strconv.Itoa(i),
		"_done":    strconv.Itoa(tally.done),
		"_failed":  strconv.Itoa(tally.failed),
		"_skipped": strconv.Itoa(tally.skipped),
		"_unknown": strconv.Itoa(tally.unknown),
	})
	return &views.IVRCopyNext{Action: t.path() + "/copy/apply", Vals: string(vals)}
}

func copyProgress(t ivrTarget, plan ivrCopyPlan, done int, tally copyTally) views.IVRCopyProgress {
	return views.IVRCopyProgress{
		Done: done, Total: len(plan.Targets),
		Kind: t.Kind.Singular, Plural: t.Kind.Plural,
		Summary:  tally.words(),
		BackHref: t.path(), BackLabel: "Back to " + plan.sourceName(t),
	}
}

// formCount reads a non-negative count posted back by the page.
func formCount(r *http.Request, name string) int {
	n, err := strconv.Atoi(r.PostForm.Get(name))
	if err != nil || n < 0 {
		return 0
	}
	return n
}
