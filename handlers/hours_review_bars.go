package handlers

import (
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// reviewWeekBars lays a week out for views.weekBars: each day's ranges in
// minutes, closed days marked, and, when the local time is known, a tick
// at the current minute on today's line.
func reviewWeekBars(w dialpad.WeekHours, local time.Time, known bool) views.WeekBars {
	v := views.WeekBars{AllDay: !w.HoursOn, Label: "Open 24/7"}
	if w.HoursOn {
		v.Label = strings.Join(hoursSummary(w), "; ")
	}
	today, minute := dialpad.Weekday(-1), 0
	if known {
		today, minute = dialpad.WeekdayOf(local.Weekday()), local.Hour()*60+local.Minute()
	}
	for _, d := range dialpad.Weekdays() {
		b := views.DayBar{Label: shortDay(d), Now: -1}
		if d == today {
			b.Now = minute
		}
		if w.HoursOn {
			ranges, _ := dialpad.ParseDay(d, w.Day(d))
			b.Closed = len(ranges) == 0
			for _, r := range ranges {
				b.Ranges = append(b.Ranges, views.BarRange{
					Start: r.Open,
					Width: r.Close - r.Open,
					Title: dialpad.FormatClock(r.Open) + "–" + dialpad.FormatClock(r.Close),
				})
			}
		}
		v.Days = append(v.Days, b)
	}
	return v
}
