package handlers

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// reviewView builds the page from the lists: rows grouped by office, the
// usual schedule of each office, and notices for offices that failed.
func (h *Handler) reviewView(r *http.Request, who *Identity, f reviewFilter, d *reviewData) views.HoursReview {
	now := h.now()
	idx := indexOffices(d.Offices)
	usual := usualSchedules(d.Items, idx)
	v := views.HoursReview{
		Filter: views.HoursFilter{
			Offices: f.bar("/hours", d.Offices, true).Offices,
			Kinds:   f.kindOptions(),
			Query:   f.Query,
			Active:  f.active(),
		},
		Note:    f.Note,
		Age:     dataAge(now.Sub(d.LoadedAt)), // worded as on every other page
		Refresh: f.href("/hours", "refresh", "1"),
		CSV:     f.href("/hours.csv"),
	}
	if f.OfficeID != 0 {
		v.BulkOffice = f.OfficeID.String()
	}
	for _, fl := range d.Failed {
		h.logger().WarnContext(r.Context(), "hours review: office lists failed",
			"office_id", fl.Office.ID, "err", fl.Err)
		v.Notices = append(v.Notices, fmt.Sprintf("%s is not shown: %s Refresh to try again.",
			idx.name(fl.Office.ID), reviewReadProblem(fl.Err)))
	}

	z := zones{}
	looks := weekLooks{}
	diffs := map[string][]views.Words{} // by office and week: odd rows repeat too
	byOffice := map[dialpad.ID]*views.HoursOffice{}
	var order []dialpad.ID
	differs := map[dialpad.ID]int{}
	for _, it := range d.Items {
		if !f.matches(it) {
			continue
		}
		u := usual[it.OfficeID]
		g := byOffice[it.OfficeID]
		if g == nil {
			o := idx[it.OfficeID]
			g = &views.HoursOffice{Name: idx.name(it.OfficeID), Timezone: o.Timezone}
			if u.found() {
				g.UsualHours = looks.of(u.Hours).words
				v.Highlights = true
			}
			byOffice[it.OfficeID] = g
			order = append(order, it.OfficeID)
		}
		row := reviewRow(it, cmp.Or(it.Timezone, idx[it.OfficeID].Timezone), z, looks, now)
		row.Selectable = who.May(access.BulkHours, it.OfficeID)
		v.CanBulk = v.CanBulk || row.Selectable
		if u.differs(it.Hours) {
			row.Differs = true
			k := it.OfficeID.String() + weekKey(it.Hours)
			if diffs[k] == nil {
				diffs[k] = keepLines(usualDiff(it.Hours, u.Hours))
			}
			row.DiffNote = diffs[k]
			differs[it.OfficeID]++
		}
		g.Rows = append(g.Rows, row)
		v.Count++
	}
	for _, o := range order {
		g := byOffice[o]
		g.UsualNote = usualNote(usual[o], differs[o])
		g.BulkHref = officeBulkHref(g.Rows, f.OfficeID)
		v.Offices = append(v.Offices, *g)
	}
	switch {
	case v.CanBulk || v.Count == 0:
	case bulkAllowed(who):
		v.ReadOnlyNote = "You can change hours only in the offices you administer; none of them is shown."
	default:
		v.ReadOnlyNote = who.readOnlyReason(access.BulkHours, ResourceCallCenter, 0, "")
	}
	v.Empty = f.emptyState(idx)
	return v
}

// reviewRow is one item's row, without the person-specific parts.
func reviewRow(it reviewItem, tz string, z zones, looks weekLooks, now time.Time) views.HoursRow {
	look := looks.of(it.Hours)
	row := views.HoursRow{
		Target:   it.target(),
		Kind:     reviewKindLabel(it.Kind),
		Name:     it.Name,
		Href:     reviewEditorHref(it),
		Timezone: tz,
		Summary:  look.words,
		Status:   openBadge(it.Hours, tz, z, now),
		Week:     look.bars,
	}
	if loc, ok := z.load(tz); ok {
		local := now.In(loc)
		row.Week = withNowTick(look.bars, local)
		// One review reads one clock: the same week in the same zone says the same.
		next, ok := look.next[tz]
		if !ok {
			next = nextWords(it.Hours.StateAt(local), dialpad.WeekdayOf(local.Weekday()))
			look.next[tz] = next
		}
		row.Next = next
	}
	return row
}

// officeBulkHref opens bulk apply with an office's editable rows ticked,
// when there are some and not more than a batch takes. The review's office
// filter goes along, so bulk apply finds the same cached lists.
func officeBulkHref(rows []views.HoursRow, filter dialpad.ID) string {
	q := url.Values{}
	if filter != 0 {
		q.Set("office_id", filter.String())
	}
	for _, r := range rows {
		if r.Selectable {
			q.Add("target", r.Target)
		}
	}
	if n := len(q["target"]); n == 0 || n > bulkMax {
		return ""
	}
	return "/hours/bulk?" + q.Encode()
}

// emptyState words an empty review.
func (f reviewFilter) emptyState(idx officeIndex) views.EmptyState {
	if !f.active() {
		return views.EmptyState{Message: "There are no call centers or departments yet."}
	}
	msg := "No " + f.plural()
	if f.Query != "" {
		msg += fmt.Sprintf(" match %q", f.Query)
	}
	if f.OfficeID != 0 {
		msg += " in " + idx.name(f.OfficeID)
	}
	return views.EmptyState{Message: msg + ".", ClearHref: "/hours"}
}

// reviewReadProblem is why an office's lists are missing, as a sentence.
func reviewReadProblem(err error) string {
	p, ok := classifyUpstream(err)
	switch {
	case !ok:
		return "its lists could not be read."
	case errors.Is(err, dialpad.ErrRateLimited):
		return "Dialpad is rate-limiting requests; wait " + inSeconds(p.retryAfter) + "."
	case p.status == http.StatusForbidden:
		return "Dialpad doesn't let you see its call centers and departments."
	case p.status == http.StatusGatewayTimeout:
		return "Dialpad didn't answer in time."
	}
	return "Dialpad didn't hand over its call centers and departments."
}
