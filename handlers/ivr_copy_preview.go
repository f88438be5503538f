package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"switchboard/dialpad"
	"switchboard/views"
)

// ivrCopyPlan is a previewed copy, sealed in the preview page: exactly
// what applying it may send, with the words the preview showed.
type ivrCopyPlan struct {
	Source  string              `json:"n"` // the source's name, for the results
	Targets []ivrCopyPlanTarget `json:"t"`
}

type ivrCopyPlanTarget struct {
	ID   dialpad.ID `json:"i"`
	Name string     `json:"n"`
	// The target's office when previewed: applying checks the person may
	// change it, whoever's preview the plan came from.
	OfficeID dialpad.ID        `json:"o,omitempty"`
	Steps    []ivrCopyPlanStep `json:"s"`
}

type ivrCopyPlanStep struct {
	IVRType string               `json:"t"`
	From    dialpad.IVRSelection `json:"f"`
	To      dialpad.IVRSelection `json:"to"`
	// The preview's words for From and To, shown again with the results.
	FromWords string `json:"fw"`
	ToWords   string `json:"tw"`
	// Reset takes the type back to Dialpad's default (To is empty): a
	// DELETE that deletes From's recording. Only in plans the person opted
	// into resets for, and sent only once they confirmed the deletes.
	Reset bool `json:"r,omitempty"`
}

// resets counts the plan's resets to the default.
func (p ivrCopyPlan) resets() int {
	n := 0
	for _, t := range p.Targets {
		for _, st := range t.Steps {
			if st.Reset {
				n++
			}
		}
	}
	return n
}

func ivrCopyKind(t ivrTarget) string { return "ivrcopy:" + t.Kind.Type + ":" + t.ID.String() }

// IVRCopyPreview reads the chosen targets' IVRs and shows, per target,
// what applying the copy would change (type: current → new) and what it
// cannot copy, before anything is sent.
func (h *Handler) IVRCopyPreview(w http.ResponseWriter, r *http.Request) {
	who, t, load, ok := h.ivrCopyStart(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxFormBytes) {
		return
	}
	s, err := loadCopySetup(r.Context(), who.Client, t, load)
	if errors.Is(err, dialpad.ErrNotFound) {
		h.ivrTargetNotFound(w, r, t.Kind)
		return
	}
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	reset := r.PostForm.Get("reset_defaults") != ""
	targets, problem := copyTargets(r, s)
	if problem != "" {
		h.renderIVRCopy(w, r, http.StatusUnprocessableEntity, s, h.copyFormView(r, s, candidateIDs(targets), reset, problem))
		return
	}
	plan, preview, missing := planCopy(r.Context(), who.Client, s, targets, reset)
	plan.Source = s.source.Name
	if r.Context().Err() != nil {
		w.WriteHeader(statusClientClosedRequest)
		return
	}
	token, err := h.seal(ivrCopyKind(s.source), plan)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	v := h.copyFormView(r, s, nil, reset, "")
	v.Picker = views.IVRTargetPicker{}
	v.Apply, v.Plan, v.Preview = s.source.path()+"/copy/apply", token, preview
	v.Missing = missing.view(s.source)
	v.ChooseHref = chooseAgainHref(s.source, candidateIDs(targets), reset)
	v.TargetsIn, v.Resets = len(plan.Targets), plan.resets()
	for _, pt := range plan.Targets {
		v.ToApply += len(pt.Steps)
	}
	h.renderIVRCopy(w, r, http.StatusOK, s, v)
}

// chooseAgainHref is the target picker with these targets ticked again,
// and the reset opt-in as it was.
func chooseAgainHref(source ivrTarget, targets []dialpad.ID, reset bool) string {
	q := url.Values{}
	for _, id := range targets {
		q.Add("target_id", id.String())
	}
	if reset {
		q.Set("reset_defaults", "1")
	}
	return source.path() + "/copy?" + q.Encode()
}

// candidateIDs is the ids of the chosen targets.
func candidateIDs(targets []copyCandidate) []dialpad.ID {
	out := make([]dialpad.ID, len(targets))
	for i, c := range targets {
		out[i] = c.ID
	}
	return out
}

// copyTargets reads the ticked target_id values: at least one, at most
// ivrCopyMaxTargets, each a listed target other than the source that the
// person may change.
func copyTargets(r *http.Request, s copySetup) ([]copyCandidate, string) {
	return s.pick().chosen(IdentityFrom(r.Context()), r.PostForm["target_id"])
}

// planCopy reads each target's IVRs, one at a time under the company's rate
// limit, and plans what would make it play what the source plays. Types
// the source leaves at the default are left alone unless reset is set.
func planCopy(ctx context.Context, c *dialpad.Client, s copySetup, targets []copyCandidate, reset bool) (ivrCopyPlan, []views.IVRCopyResult, missingRecordings) {
	var (
		plan    ivrCopyPlan
		preview []views.IVRCopyResult
		missing missingRecordings
	)
	for _, ct := range targets {
		if ctx.Err() != nil {
			break
		}
		res := views.IVRCopyResult{Name: ct.Name, Href: "/ivrs/" + s.source.Kind.Type + "/" + ct.ID.String()}
		types, err := c.CustomIVRs(ctx, s.source.Kind.Type, ct.ID)
		if err != nil {
			res.Note = "Couldn't read its custom IVRs: " + UpstreamMessage(err)
			preview = append(preview, res)
			continue
		}
		pt := ivrCopyPlanTarget{ID: ct.ID, Name: ct.Name, OfficeID: ct.OfficeID}
		ivrs := ivrsOf(types)
		steps := dialpad.PlanIVRCopy(s.types, types)
		for _, step := range steps {
			item := views.IVRCopyItem{
				Label:  dialpad.IVRTypeLabel(step.IVRType),
				From:   ivrSelectionWords(ivrs, step.From),
				To:     ivrSelectionWords(ivrs, step.To),
				Status: "assign",
			}
			switch step.Skip {
			case dialpad.CopyNoMatch:
				item.Status, item.To = "unavailable", "“"+step.SourceName+"”"
				item.Note = "No recording named “" + step.SourceName + "” on " + ct.Name + " for this type."
				missing.add(step.IVRType, step.SourceName, ct.ID)
				if s.source.Kind.canUpload() {
					item.FixText = "Upload one to " + ct.Name
					item.FixHref = res.Href + "/upload?" + url.Values{"ivr_type": {step.IVRType}}.Encode()
				}
			case dialpad.CopyKeepCustom:
				if reset && len(step.From) == 1 {
					item.Status, item.To = "reset", "Dialpad default"
					item.Note = "Going back to the default deletes " + ct.Name + "'s recording " + item.From + " in Dialpad. You confirm it before anything is sent."
					pt.Steps = append(pt.Steps, ivrCopyPlanStep{IVRType: step.IVRType, From: step.From,
						FromWords: item.From, ToWords: item.To, Reset: true})
					break
				}
				item.Status, item.To = "kept", ""
				item.Note = s.source.Name + " plays Dialpad's default here. Going back to the default would delete " +
					ct.Name + "'s recording, so the copy leaves this type alone."
				if reset {
					item.Note = s.source.Name + " plays Dialpad's default here, but " + ct.Name +
						" plays a different recording for each call direction, which a reset can't name: change it on its own page."
				}
				item.FixText, item.FixHref = "Change it on "+ct.Name+"'s page", res.Href+"#type-"+step.IVRType
			case dialpad.CopySplit:
				item.Status, item.To = "unavailable", ""
				item.Note = s.source.Name + " plays different notices for inbound and outbound calls, which can't be copied."
			default:
				pt.Steps = append(pt.Steps, ivrCopyPlanStep{IVRType: step.IVRType, From: step.From, To: step.To,
					FromWords: item.From, ToWords: item.To})
			}
			res.Items = append(res.Items, item)
		}
		res.Items = withSameItems(res.Items, s.types, types, steps)
		if len(res.Items) == 0 {
			res.Note = "Already plays the same — nothing to change."
		}
		if len(pt.Steps) > 0 {
			plan.Targets = append(plan.Targets, pt)
		}
		preview = append(preview, res)
	}
	return plan, preview, missing
}

// withSameItems adds, in catalogue order, an "Already the same" item for
// each type the source plays a recording for that the target already
// plays (PlanIVRCopy leaves those out: nothing to send).
func withSameItems(items []views.IVRCopyItem, source, target []dialpad.CustomIVRType, steps []dialpad.IVRCopyStep) []views.IVRCopyItem {
	planned := map[string]bool{}
	for _, st := range steps {
		planned[st.IVRType] = true
	}
	src, dst := dialpad.SelectionsOf(source), dialpad.SelectionsOf(target)
	ivrs := ivrsOf(target)
	var out []views.IVRCopyItem
	next := 0
	for _, name := range dialpad.IVRTypeNames() {
		if planned[name] {
			out = append(out, items[next])
			next++
			continue
		}
		if !src[name].IsDefault() {
			out = append(out, views.IVRCopyItem{Label: dialpad.IVRTypeLabel(name), From: ivrSelectionWords(ivrs, dst[name]), Status: "same"})
		}
	}
	return append(out, items[next:]...)
}
