package handlers

import (
	"strings"

	"switchboard/dialpad"
)

// usualSchedule is the most common schedule among an office's call centers
// and departments: the yardstick the review page measures each row by.
type usualSchedule struct {
	Key    string
	Hours  dialpad.WeekHours // one holder's hours, for the summary
	Shared int               // how many hold it
	Total  int               // how many the office has
}

// found reports a real usual schedule: at least two share it. When every
// one differs from every other, no schedule is usual and nothing is
// highlighted.
func (u usualSchedule) found() bool { return u.Shared >= 2 }

// usualSchedules finds each office's modal schedule over all of its items
// (filters do not change what is usual). Ties go to the office's own hours
// in Dialpad, then to the schedule whose key sorts first (the earliest
// Monday opening), so the answer never depends on list order.
func usualSchedules(items []reviewItem, offices officeIndex) map[dialpad.ID]usualSchedule {
	type tally struct {
		hours dialpad.WeekHours
		n     int
	}
	perOffice := map[dialpad.ID]map[string]*tally{}
	totals := map[dialpad.ID]int{}
	for _, it := range items {
		m := perOffice[it.OfficeID]
		if m == nil {
			m = map[string]*tally{}
			perOffice[it.OfficeID] = m
		}
		k := usualKey(it.Hours)
		if m[k] == nil {
			m[k] = &tally{hours: it.Hours}
		}
		m[k].n++
		totals[it.OfficeID]++
	}

	out := make(map[dialpad.ID]usualSchedule, len(perOffice))
	for office, m := range perOffice {
		own := ""
		if o, ok := offices[office]; ok {
			own = officeKey(o.WeekHours)
		}
		var best usualSchedule
		for k, t := range m {
			c := usualSchedule{Key: k, Hours: t.hours, Shared: t.n}
			if best.Key == "" || usualBeats(c, best, own) {
				best = c
			}
		}
		best.Total = totals[office]
		out[office] = best
	}
	return out
}

// officeKey is an office's own schedule as usualKey words it, or "" when it
// has none. Offices carry no hours_on in Dialpad's spec, so their day lists
// are read as they are, whatever hours_on decoded to (false when absent,
// which would otherwise read as 24/7).
func officeKey(w dialpad.WeekHours) string {
	w.HoursOn = true
	for _, d := range dialpad.Weekdays() {
		if len(w.Day(d)) > 0 {
			return usualKey(w)
		}
	}
	return ""
}

// usualBeats orders candidates: more holders, then the office's own hours, then
// the smaller key.
func usualBeats(a, b usualSchedule, own string) bool {
	if a.Shared != b.Shared {
		return a.Shared > b.Shared
	}
	if (a.Key == own) != (b.Key == own) {
		return a.Key == own
	}
	return a.Key < b.Key
}

// differs reports an item whose hours are not its office's usual ones.
func (u usualSchedule) differs(w dialpad.WeekHours) bool {
	return u.found() && usualKey(w) != u.Key
}

// usualKey is a week as people compare schedules: what applies on each
// day. Lists kept while hours are off, and pairs that do not parse, change
// nothing a caller meets, so they do not count.
func usualKey(w dialpad.WeekHours) string {
	cells := make([]string, 0, 7)
	for _, d := range dialpad.Weekdays() {
		cells = append(cells, reviewDayCell(w, d))
	}
	return strings.Join(cells, "|")
}

// reviewDayCell is one day in the CSV's words: "08:00-12:00 14:00-18:00",
// "closed", or "24/7" when hours are off.
func reviewDayCell(w dialpad.WeekHours, d dialpad.Weekday) string {
	if !w.HoursOn {
		return "24/7"
	}
	return rangesText(w, d, "-", " ")
}
