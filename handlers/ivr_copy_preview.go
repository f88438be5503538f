package handlers

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"switchboard/dialpad"
	"switchboard/handlers/access"
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
	targets, problem := copyTargets(r, s)
	if problem != "" {
		checked := make([]dialpad.ID, len(targets))
		for i, c := range targets {
			checked[i] = c.ID
		}
		h.renderIVRCopy(w, r, http.StatusUnprocessableEntity, s, h.copyFormView(r, s, checked, problem))
		return
	}
	plan, preview := planCopy(r.Context(), who.Client, s, targets)
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
	v := h.copyFormView(r, s, nil, "")
	v.Targets = nil
	v.Apply, v.Plan, v.Preview = s.source.path()+"/copy/apply", token, preview
	v.ChooseHref = chooseAgainHref(s.source, targets)
	v.TargetsIn = len(plan.Targets)
	for _, pt := range plan.Targets {
		v.ToApply += len(pt.Steps)
	}
	h.renderIVRCopy(w, r, http.StatusOK, s, v)
}

// chooseAgainHref is the target picker with these targets ticked again.
func chooseAgainHref(source ivrTarget, targets []copyCandidate) string {
	q := url.Values{}
	for _, c := range targets {
		q.Add("target_id", c.ID.String())
	}
	return source.path() + "/copy?" + q.Encode()
}

// copyTargets reads the ticked target_id values: at least one, at most
// ivrCopyMaxTargets, each a listed target other than the source that the
// person may change.
func copyTargets(r *http.Request, s copySetup) ([]copyCandidate, string) {
	byID := map[dialpad.ID]copyCandidate{}
	for _, c := range s.candidates {
		byID[c.ID] = c
	}
	who := IdentityFrom(r.Context())
	var out []copyCandidate
	problem := ""
	seen := map[dialpad.ID]bool{}
	for _, raw := range r.PostForm["target_id"] {
		id, err := dialpad.ParseID(raw)
		c, ok := byID[id]
		switch {
		case err != nil || !ok:
			problem = "One of the chosen " + s.source.Kind.Plural + " no longer exists. Choose again."
			continue
		case id == s.source.ID || seen[id]:
			continue
		case !who.May(access.CopyIVR, c.OfficeID):
			problem = "You can't change " + c.Name + "; leave it out."
		}
		seen[id] = true
		out = append(out, c)
	}
	switch {
	case problem != "":
	case len(out) == 0:
		problem = "Choose at least one " + s.source.Kind.Singular + " to copy to."
	case len(out) > ivrCopyMaxTargets:
		problem = "Choose at most " + strconv.Itoa(ivrCopyMaxTargets) + " " + s.source.Kind.Plural + " at a time."
	}
	return out, problem
}

// planCopy reads each target's IVRs, one at a time under the company's rate
// limit, and plans what would make it play what the source plays.
func planCopy(ctx context.Context, c *dialpad.Client, s copySetup, targets []copyCandidate) (ivrCopyPlan, []views.IVRCopyResult) {
	var (
		plan    ivrCopyPlan
		preview []views.IVRCopyResult
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
		for _, step := range dialpad.PlanIVRCopy(s.types, types) {
			item := views.IVRCopyItem{
				Label:  dialpad.IVRTypeLabel(step.IVRType),
				From:   ivrSelectionWords(ivrs, step.From),
				To:     ivrSelectionWords(ivrs, step.To),
				Status: "change",
			}
			switch step.Skip {
			case dialpad.CopyNoMatch:
				item.Status, item.To = "unavailable", "“"+step.SourceName+"”"
				item.Note = "It has no recording called “" + step.SourceName + "” for this type."
				if s.source.Kind.canUpload() {
					item.FixText = "Upload one to " + ct.Name
					item.FixHref = res.Href + "/upload?" + url.Values{"ivr_type": {step.IVRType}}.Encode()
				}
			case dialpad.CopyKeepCustom:
				item.Status, item.To = "kept", item.From
				item.Note = s.source.Name + " plays Dialpad's default here. Going back to the default would delete " +
					ct.Name + "'s recording, so the copy leaves this type alone."
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
		if len(res.Items) == 0 {
			res.Note = "Already plays the same — nothing to change."
		}
		if len(pt.Steps) > 0 {
			plan.Targets = append(plan.Targets, pt)
		}
		preview = append(preview, res)
	}
	return plan, preview
}
