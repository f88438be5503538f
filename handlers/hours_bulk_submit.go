package handlers

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// HoursBulkSubmit is POST /hours/bulk. action=preview lists what would
// change; anything else applies: one save per ticked target whose hours
// differ, and a table of what happened to each. Invalid hours or no
// target answer 422 with the input kept and nothing sent.
func (h *Handler) HoursBulkSubmit(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	if !bulkAllowed(who) {
		h.bulkRefused(w, r)
		return
	}
	if !h.readForm(w, r, maxFormBytes) {
		return
	}
	bases, err := h.openBulk(who.User.ID, r.PostForm.Get("_base"))
	if err != nil {
		h.logger().InfoContext(r.Context(), "hours bulk: form base refused", "err", err)
		h.RenderError(w, r, http.StatusBadRequest, "This form is out of date",
			"Switchboard can't trust this form any more, so nothing was changed. Open bulk apply again from the Business hours page.")
		return
	}

	form := parseBulkForm(r.PostForm)
	ticked := map[string]bool{}
	for _, t := range form.Targets {
		ticked[t] = true
	}
	v := views.HoursBulk{
		Base:        r.PostForm.Get("_base"),
		Week:        form.Input,
		FieldErrors: form.FieldErrors,
		Max:         bulkMax,
		BackHref:    "/hours",
		Targets:     bulkTargets(bases, ticked),
	}
	var chosen []bulkBase
	for _, b := range bases {
		switch {
		case !ticked[b.target()]:
		case !who.May(access.BulkHours, b.OfficeID):
			v.Notes = append(v.Notes, "Left out "+b.Name+": you can't change hours in "+b.Office+".")
		default:
			chosen = append(chosen, b)
		}
	}
	if len(chosen) == 0 && form.FieldErrors["target"] == "" {
		form.FieldErrors["target"] = "Tick at least one call center or department."
	}
	if !form.valid() {
		v.FormError = "Nothing was changed. Fix the problems marked below."
		h.renderBulk(w, r, http.StatusUnprocessableEntity, v)
		return
	}

	if r.PostForm.Get("action") == "preview" {
		v.Preview = true
		v.Summary = bulkPreview(v.Targets, bases, form.Week)
		h.renderBulk(w, r, http.StatusOK, v)
		return
	}

	results, err := runBulk(r.Context(), who.Client, h.auditor(who), chosen, form.Week)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	status := h.bulkResultsView(r, &v, results, form.Week)
	// The form below the results starts from what Dialpad has now.
	now := bulkRebase(bases, results)
	v.Targets = bulkTargets(now, ticked)
	if v.Base, err = h.sealBulk(who.User.ID, now); err != nil {
		h.ServerError(w, r, err)
		return
	}
	h.renderBulk(w, r, status, v)
}

// bulkPreview says per ticked target what applying the week would do.
// It returns the summary: "Nothing sent yet: 2 would change, 1 already matches."
func bulkPreview(ts []views.BulkTarget, bases []bulkBase, week dialpad.WeekHours) string {
	var change, skip int
	for i, b := range bases {
		if !ts[i].Checked {
			continue
		}
		mine := bulkApplyWeek(b.Hours, week)
		changed := bulkChangedFields(b.Hours, mine)
		if len(changed) == 0 {
			ts[i].Change, ts[i].Skip = "Already matches — skipped", true
			skip++
			continue
		}
		ts[i].Change = "Will change " + bulkFieldWords(changed, mine.HoursOn)
		change++
	}
	return fmt.Sprintf("Nothing sent yet: %d would change, %s.", change, bulkCount(skip, "already matches", "already match"))
}

// bulkChangedFields names the API fields that differ between two weeks.
func bulkChangedFields(a, b dialpad.WeekHours) []string {
	var out []string
	if a.HoursOn != b.HoursOn {
		out = append(out, "hours_on")
	}
	for _, d := range dialpad.Weekdays() {
		if !slices.Equal(a.Day(d), b.Day(d)) {
			out = append(out, d.Field())
		}
	}
	return out
}

// bulkResultsView fills in the results table and summary and returns the
// status: 200 when something was done or nothing went wrong; otherwise
// the first problem's status (409 for a conflict, Dialpad's mapped status
// for a failure), so a batch where everything failed does not read as a
// success.
func (h *Handler) bulkResultsView(r *http.Request, v *views.HoursBulk, results []bulkResult, week dialpad.WeekHours) int {
	var updated, skipped, failed, conflicts, unknown int
	status := 0
	for _, res := range results {
		row := views.BulkResult{Name: res.Base.Name, Kind: reviewKindLabel(res.Base.Kind), Href: reviewEditorHref(reviewItem{Kind: res.Base.Kind, group: group{ID: res.Base.ID}})}
		switch res.Outcome {
		case bulkUpdated:
			updated++
			row.Outcome = views.Badge{Label: "Updated", Color: views.BadgeGreen}
			row.Detail = bulkUpdatedWords(res.Fields, week.HoursOn)
		case bulkSkipped:
			skipped++
			row.Outcome = views.Badge{Label: "Skipped", Color: views.BadgeGrey}
			row.Detail = "Already matches; nothing sent."
			if res.Upstream {
				row.Detail = "Dialpad already had these hours; nothing sent."
			}
		case bulkConflict:
			conflicts++
			status = bulkFirstStatus(status, http.StatusConflict)
			row.Outcome = views.Badge{Label: "Conflict", Color: views.BadgeAmber}
			row.Detail = bulkConflictWords(res)
		case bulkUnknown:
			unknown++
			status = bulkFirstStatus(status, unknownOutcomeStatus(res.Err))
			h.logger().WarnContext(r.Context(), "hours bulk: save outcome unknown",
				"target", res.Base.target(), "err", res.Err)
			row.Outcome = views.Badge{Label: "May have been applied", Color: views.BadgeAmber}
			row.Detail = unknownOutcomeMessage(res.Err) + " Open it to check, or apply again: only what is still missing is sent."
		default:
			failed++
			p, ok := classifyUpstream(res.Err)
			if !ok {
				p.status = http.StatusInternalServerError
			}
			status = bulkFirstStatus(status, p.status)
			h.logger().WarnContext(r.Context(), "hours bulk: save failed",
				"target", res.Base.target(), "err", res.Err)
			row.Outcome = views.Badge{Label: "Failed", Color: views.BadgeRed}
			row.Detail = UpstreamMessage(res.Err)
		}
		v.Results = append(v.Results, row)
	}
	v.Summary = bulkSummary(updated, skipped, failed, conflicts, unknown)
	h.logger().InfoContext(r.Context(), "hours bulk applied", "targets", len(results), "updated", updated,
		"skipped", skipped, "failed", failed, "conflicts", conflicts, "unknown", unknown)
	if updated > 0 || status == 0 {
		return http.StatusOK
	}
	return status
}

// bulkFirstStatus keeps the first non-zero status.
func bulkFirstStatus(have, next int) int {
	if have != 0 {
		return have
	}
	return next
}

// bulkConflictWords names what changed elsewhere and what Dialpad has now.
func bulkConflictWords(res bulkResult) string {
	parts := make([]string, 0, len(res.Fields))
	for _, f := range res.Fields {
		switch f {
		case "hours_on":
			now := "hours apply"
			if !res.Current.HoursOn {
				now = "open 24/7"
			}
			parts = append(parts, "hours on/off (now "+now+")")
		default:
			if d, ok := bulkDayOf(f); ok {
				parts = append(parts, d.Label()+" (now "+dayText(res.Current, d)+")")
			}
		}
	}
	return "Changed elsewhere since you looked, so not overwritten: " + strings.Join(parts, ", ") +
		". Apply again to overwrite, or open it to decide."
}

// bulkDayOf is the day of an hours field ("monday_hours").
func bulkDayOf(field string) (dialpad.Weekday, bool) {
	for _, d := range dialpad.Weekdays() {
		if d.Field() == field {
			return d, true
		}
	}
	return 0, false
}

// bulkSummary is "3 updated, 1 skipped, 1 failed, 1 conflict".
func bulkSummary(updated, skipped, failed, conflicts, unknown int) string {
	parts := []string{fmt.Sprintf("%d updated", updated), fmt.Sprintf("%d skipped", skipped)}
	if unknown > 0 {
		parts = append(parts, fmt.Sprintf("%d may have been applied", unknown))
	}
	if failed > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", failed))
	}
	if conflicts > 0 {
		parts = append(parts, bulkCount(conflicts, "conflict", "conflicts"))
	}
	return strings.Join(parts, ", ") + "."
}

// bulkRebase seals what Dialpad now has as the base of a second attempt: a
// failed target keeps its old base, a conflicting one takes the fresh
// read, so applying again overwrites it on purpose (keep mine).
func bulkRebase(bases []bulkBase, results []bulkResult) []bulkBase {
	now := map[string]dialpad.WeekHours{}
	for _, res := range results {
		now[res.Base.target()] = res.Current
	}
	out := make([]bulkBase, len(bases))
	for i, b := range bases {
		if w, ok := now[b.target()]; ok {
			b.Hours = w
		}
		out[i] = b
	}
	return out
}
