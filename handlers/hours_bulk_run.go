package handlers

import (
	"context"
	"errors"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/audit"
)

// bulkConcurrency bounds the saves in flight. Each save is a fresh read
// then a PATCH, both paced by the company's rate limiter; a few at once
// keep the latency of one from adding up over the batch.
const bulkConcurrency = 4

// bulkOutcome is what happened to one target.
type bulkOutcome int

const (
	bulkUpdated  bulkOutcome = iota // a PATCH went out and Dialpad took it
	bulkSkipped                     // the hours already matched; nothing sent
	bulkFailed                      // Dialpad refused or failed; Err says why
	bulkConflict                    // changed elsewhere since it was read; not overwritten
	bulkUnknown                     // the PATCH went out but its answer was lost: it may have been applied
)

// bulkResult is one target's outcome. Current is its hours as Dialpad now
// has them, when known: the base of a second attempt.
type bulkResult struct {
	Base      bulkBase
	Outcome   bulkOutcome
	Fields    []string // what was sent, or what conflicts: API field names
	Upstream  bool     // skipped because Dialpad already had these hours
	Err       error
	Current   dialpad.WeekHours
	Conflicts []dialpad.Conflict
}

// runBulk applies week to every base whose hours differ, through the one
// save path (fresh read, three-way diff, one PATCH with only the changed
// days). Targets are independent: a failure, a 429 included, is reported
// and the rest carry on. Results keep the order of bases. The error is a
// panic in one of the saves: a bug, answered with the 500 page.
func runBulk(ctx context.Context, c *dialpad.Client, rec auditor, bases []bulkBase, week dialpad.WeekHours) ([]bulkResult, error) {
	// Saves and pages of people go first; the batch waits behind them.
	ctx = dialpad.WithPriority(ctx, dialpad.PriorityBulk)
	results := make([]bulkResult, len(bases))
	var g fanOut
	g.SetLimit(bulkConcurrency)
	for i, b := range bases {
		mine := bulkApplyWeek(b.Hours, week)
		if b.Hours.Equal(mine) {
			results[i] = bulkResult{Base: b, Outcome: bulkSkipped, Current: b.Hours}
			continue
		}
		g.Go(func() { results[i] = saveBulkItem(ctx, c, rec, b, mine) })
	}
	// Every Dialpad failure is in its result; only a panic comes back here.
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return results, nil
}

// saveBulkItem saves one target's new hours, and records the write (one
// audit entry per target) with rec.
func saveBulkItem(ctx context.Context, c *dialpad.Client, rec auditor, b bulkBase, mine dialpad.WeekHours) bulkResult {
	var (
		d       dialpad.Diff
		sent    bool
		current *dialpad.WeekHours
		err     error
	)
	switch b.Kind {
	case dialpad.TargetCallCenter:
		base := dialpad.CallCenter{ID: b.ID, OfficeID: b.OfficeID, WeekHours: b.Hours}
		edit := base
		edit.WeekHours = mine
		var s dialpad.Saved[dialpad.CallCenter]
		s, err = c.SaveCallCenter(ctx, b.ID, base, edit)
		d, sent = s.Diff, s.Sent
		if s.Current != nil {
			current = &s.Current.WeekHours
		}
	case dialpad.TargetDepartment:
		base := dialpad.Department{ID: b.ID, OfficeID: b.OfficeID, WeekHours: b.Hours}
		edit := base
		edit.WeekHours = mine
		var s dialpad.Saved[dialpad.Department]
		s, err = c.SaveDepartment(ctx, b.ID, base, edit)
		d, sent = s.Diff, s.Sent
		if s.Current != nil {
			current = &s.Current.WeekHours
		}
	default:
		err = errors.New("handlers: bulk target of unknown kind " + b.Kind)
	}

	if attemptedSave(d, current != nil, nil) && rec != nil {
		rec(ctx, audit.Resource{Kind: audit.Kind(b.Kind), ID: b.ID.String(), Name: b.Name, OfficeID: b.OfficeID},
			auditChanges(d.SentChanges()), err)
	}
	r := bulkResult{Base: b, Current: b.Hours}
	if current != nil {
		r.Current = *current
	}
	switch {
	case outcomeUnknown(err):
		// Applying again is safe: its fresh read shows whether this landed.
		r.Outcome, r.Err, r.Current = bulkUnknown, err, b.Hours
		for k := range d.Patch {
			r.Fields = append(r.Fields, k)
		}
	case err != nil:
		// A second attempt starts from what the person saw: a read made
		// just before the failure was never shown to them.
		r.Outcome, r.Err, r.Current = bulkFailed, err, b.Hours
	case d.HasConflicts():
		r.Outcome, r.Conflicts = bulkConflict, d.Conflicts
		for _, c := range d.Conflicts {
			r.Fields = append(r.Fields, c.Field)
		}
	case sent:
		r.Outcome = bulkUpdated
		for k := range d.Patch {
			r.Fields = append(r.Fields, k)
		}
	default:
		// Someone made the same change meanwhile.
		r.Outcome, r.Upstream = bulkSkipped, true
	}
	bulkSortFields(r.Fields)
	return r
}

// bulkSortFields puts API field names in the order people read a week:
// hours_on, then Monday to Sunday.
func bulkSortFields(fields []string) {
	rank := func(f string) int {
		if d, ok := bulkDayOf(f); ok {
			return int(d) + 1
		}
		return 0
	}
	slices.SortFunc(fields, func(a, b string) int { return rank(a) - rank(b) })
}

// bulkUpdatedWords says what an update sent, as a sentence: "Changed
// Monday and Friday.", "Now open 24/7.", "Business hours turned on;
// changed Saturday."
func bulkUpdatedWords(fields []string, hoursOn bool) string {
	var days []string
	for _, f := range fields {
		if d, ok := bulkDayOf(f); ok {
			days = append(days, d.Label())
		}
	}
	var parts []string
	if slices.Contains(fields, "hours_on") {
		if hoursOn {
			parts = append(parts, "Business hours turned on")
		} else {
			parts = append(parts, "Now open 24/7")
		}
	}
	if len(days) > 0 {
		verb := "Changed "
		if len(parts) > 0 {
			verb = "changed "
		}
		parts = append(parts, verb+andList(days))
	}
	return strings.Join(parts, "; ") + "."
}

// bulkFieldWords names changed fields for people: "Monday, Tuesday";
// hours_on reads as what it became.
func bulkFieldWords(fields []string, hoursOn bool) string {
	words := make([]string, 0, len(fields))
	for _, f := range fields {
		switch {
		case f == "hours_on" && hoursOn:
			words = append(words, "hours turned on")
		case f == "hours_on":
			words = append(words, "open 24/7")
		default:
			if d, ok := bulkDayOf(f); ok {
				words = append(words, d.Label())
			}
		}
	}
	return strings.Join(words, ", ")
}
