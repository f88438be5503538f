package handlers

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// IVRCopyApply applies a previewed copy: target by target, one at a time
// under the company's rate limit, a fresh read and then one PATCH per
// changed type. A copy assigns; it sends a DELETE (which deletes the
// target's recording) only for the resets to the default the person opted
// into on the picker and then confirmed, recording by recording, on the
// page askCopyResets shows. Each item ends done, failed (with
// Dialpad's reason in plain words, a rate limit with its wait) or skipped
// (someone changed that type since the preview, or it is already in
// place); a failure never stops the items after it.
//
// Without JavaScript one post applies every target and answers the
// results. With htmx the page shows progress instead: the first post
// answers the run with every target waiting (ivrCopyRunStart), and each
// waiting target then posts for itself in turn (ivrCopyRunStep).
func (h *Handler) IVRCopyApply(w http.ResponseWriter, r *http.Request) {
	who, t, _, ok := h.ivrCopyStart(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxFormBytes) {
		return
	}
	var plan ivrCopyPlan
	if !h.openSealed(w, r, ivrCopyKind(t), r.PostForm.Get("_plan"), t.path()+"/copy", &plan) {
		return
	}
	// Every post of the run checks every target again: a sealed plan only
	// proves Switchboard made it, not that this person may send it.
	if name, ok := plan.forbidden(who); !ok {
		h.logger().InfoContext(r.Context(), "change refused before Dialpad", "resource", string(ResourceCustomIVR), "action", string(access.CopyIVR))
		h.RenderError(w, r, http.StatusForbidden, "Not allowed",
			"You can't change the custom IVRs of "+name+", so nothing was sent to Dialpad.")
		return
	}
	if plan.resets() > 0 {
		switch {
		case r.PostForm.Get("_cancel") != "":
			redirectAfterPost(w, r, chooseAgainHref(t, plan.ids(), true))
			return
		case r.PostForm.Get("_confirm") == "":
			h.askCopyResets(w, r, t, plan)
			return
		}
	}
	if wantsPartial(r) {
		if _, step := r.PostForm["_target"]; step {
			h.ivrCopyRunStep(w, r, who, t, plan)
		} else {
			h.ivrCopyRunStart(w, r, t, plan)
		}
		return
	}
	source, err := loadIVRTarget(r.Context(), who.Client, t)
	if err != nil {
		// Only the page header needs the name: carry on without it.
		source.Name = plan.sourceName(t)
	}
	results, tally := applyCopy(r.Context(), who.Client, h.auditor(who), t.Kind.Type, plan)
	if r.Context().Err() != nil {
		w.WriteHeader(statusClientClosedRequest)
		return
	}
	h.logCopy(r, t, len(plan.Targets), tally)
	v := views.IVRCopy{
		Header:  h.ivrHeader(r, source, IdentityFrom(r.Context()).May(access.EditIVR, source.OfficeID)),
		Action:  t.path() + "/copy",
		Results: results,
		Summary: "Copy finished: " + tally.words(),
	}
	v.Header.BackHref, v.Header.BackLabel = t.path(), "Custom IVRs of "+source.Name
	h.renderIVRCopy(w, r, http.StatusOK, copySetup{source: source}, v)
}

func (h *Handler) logCopy(r *http.Request, t ivrTarget, targets int, tally copyTally) {
	h.logger().InfoContext(r.Context(), "ivrs: copy applied", "target_type", t.Kind.Type, "source_id", t.ID,
		"targets", targets, "done", tally.done, "failed", tally.failed, "skipped", tally.skipped, "unknown", tally.unknown)
}

// sourceName is the source's name as the preview knew it.
func (p ivrCopyPlan) sourceName(t ivrTarget) string {
	if p.Source != "" {
		return p.Source
	}
	return capitalize(t.Kind.Singular) + " " + t.ID.String()
}

// copyTally counts items by outcome; unknown ones went out but lost their
// answer, so they may have been applied.
type copyTally struct{ done, failed, skipped, unknown int }

func (c copyTally) words() string {
	parts := []string{strconv.Itoa(c.done) + " done"}
	if c.unknown > 0 {
		parts = append(parts, strconv.Itoa(c.unknown)+" may have been applied")
	}
	if c.failed > 0 {
		parts = append(parts, strconv.Itoa(c.failed)+" failed")
	}
	if c.skipped > 0 {
		parts = append(parts, strconv.Itoa(c.skipped)+" skipped")
	}
	return strings.Join(parts, ", ") + "."
}

func (c *copyTally) add(o copyTally) {
	c.done += o.done
	c.failed += o.failed
	c.skipped += o.skipped
	c.unknown += o.unknown
}

// applyCopy sends the plan and reports on every item.
func applyCopy(ctx context.Context, c *dialpad.Client, rec auditor, targetType string, plan ivrCopyPlan) ([]views.IVRCopyResult, copyTally) {
	var (
		out   []views.IVRCopyResult
		tally copyTally
	)
	for _, pt := range plan.Targets {
		if ctx.Err() != nil {
			break
		}
		res, n := applyCopyTarget(ctx, c, rec, targetType, pt)
		out = append(out, res)
		tally.add(n)
	}
	return out, tally
}

// applyCopyTarget sends one target's part of a plan: a fresh read, then
// each step still wanted, each recorded with rec.
func applyCopyTarget(ctx context.Context, c *dialpad.Client, rec auditor, targetType string, pt ivrCopyPlanTarget) (views.IVRCopyResult, copyTally) {
	// Saves and pages of people go first; the copy waits behind them,
	// whether it runs in one post or one target per post.
	ctx = dialpad.WithPriority(ctx, dialpad.PriorityBulk)
	var tally copyTally
	res := views.IVRCopyResult{Name: pt.Name, Href: "/ivrs/" + targetType + "/" + pt.ID.String()}
	types, readErr := c.CustomIVRs(ctx, targetType, pt.ID)
	current := dialpad.SelectionsOf(types)
	for _, step := range pt.Steps {
		item := views.IVRCopyItem{Label: dialpad.IVRTypeLabel(step.IVRType), From: step.FromWords, To: step.ToWords}
		now := current[step.IVRType]
		switch {
		case ctx.Err() != nil:
			return res, tally
		case readErr != nil:
			item.Status, item.Note = "failed", "Couldn't read its custom IVRs: "+UpstreamMessage(readErr)
		case !step.Reset && len(step.To) != 1, step.Reset && (len(step.To) != 0 || len(step.From) != 1):
			// Plans select one IVR per step, or reset one named recording;
			// anything else would be a delete nobody confirmed.
			item.Status, item.Note = "skipped", "A copy deletes only the recordings you confirmed."
		case now.Equal(step.To):
			item.Status, item.Note = "skipped", "Already in place."
		case !now.Equal(step.From):
			item.Status, item.Note = "skipped", "Changed in Dialpad since the preview; check it and copy again."
		default:
			var err error
			if step.Reset {
				err = c.UnassignCustomIVR(ctx, targetType, pt.ID, step.IVRType, dialpad.AssignCustomIVR{IVRID: step.From[0]})
			} else {
				_, err = c.AssignCustomIVR(ctx, targetType, pt.ID, step.IVRType, dialpad.AssignCustomIVR{IVRID: step.To[0]})
			}
			// The plan carries no office: the record names the target only.
			rec(ctx, audit.Resource{Kind: audit.CustomIVR, ID: ivrResourceID(targetType, pt.ID), Name: pt.Name, OfficeID: pt.OfficeID},
				ivrAuditChanges(dialpad.IVRChange{IVRType: step.IVRType, From: now, To: step.To}), err)
			switch {
			case outcomeUnknown(err):
				item.Status, item.Note = "unknown", unknownOutcomeMessage(err)+" Open it to check."
			case err != nil:
				item.Status, item.Note = "failed", UpstreamMessage(err)
			default:
				item.Status = "done"
			}
		}
		switch item.Status {
		case "done":
			tally.done++
		case "failed":
			tally.failed++
		case "unknown":
			tally.unknown++
		default:
			tally.skipped++
		}
		res.Items = append(res.Items, item)
	}
	return res, tally
}

// ids is the plan's targets.
func (p ivrCopyPlan) ids() []dialpad.ID {
	out := make([]dialpad.ID, len(p.Targets))
	for i, t := range p.Targets {
		out[i] = t.ID
	}
	return out
}

// forbidden finds the first target of the plan the person may not copy to.
func (p ivrCopyPlan) forbidden(who *Identity) (string, bool) {
	for _, t := range p.Targets {
		if !who.May(access.CopyIVR, t.OfficeID) {
			return t.Name, false
		}
	}
	return "", true
}
