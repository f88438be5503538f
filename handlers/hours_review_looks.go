package handlers

import (
	"slices"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// weekLooks shares the words and bars of identical weeks within one
// review: a large company repeats a handful of schedules hundreds of
// times, and wording and drawing each copy was most of the page's time.
type weekLooks map[string]weekLook

type weekLook struct {
	summary []string          // shared, read-only
	words   []views.Words     // summary cut for the page; shared, read-only
	bars    views.WeekBars    // without the now tick; Days shared, read-only
	next    map[string]string // the Now column's "opens Mon 09:00", by time zone
}

func (l weekLooks) of(w dialpad.WeekHours) weekLook {
	k := weekKey(w)
	if look, ok := l[k]; ok {
		return look
	}
	summary := hoursSummary(w)
	look := weekLook{summary: summary, words: keepLines(summary), bars: reviewWeekBars(w, time.Time{}, false), next: map[string]string{}}
	l[k] = look
	return look
}

// weekKey names a week's hours exactly: equal keys, equal weeks.
func weekKey(w dialpad.WeekHours) string {
	var b strings.Builder
	if w.HoursOn {
		b.WriteString("on")
	}
	for _, d := range dialpad.Weekdays() {
		b.WriteByte('|')
		b.WriteString(strings.Join(w.Day(d), ","))
	}
	return b.String()
}

// withNowTick is bars with the tick at local's minute on local's day, as
// reviewWeekBars draws it; the shared days are copied, never changed.
func withNowTick(bars views.WeekBars, local time.Time) views.WeekBars {
	i := slices.Index(dialpad.Weekdays(), dialpad.WeekdayOf(local.Weekday()))
	if i < 0 || i >= len(bars.Days) {
		return bars
	}
	bars.Days = slices.Clone(bars.Days)
	bars.Days[i].Now = local.Hour()*60 + local.Minute()
	return bars
}
