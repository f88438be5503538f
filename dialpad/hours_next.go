package dialpad

import (
	"slices"
	"time"
)

// OpenState is what a week of hours says at a moment: open or closed, and
// when that next changes.
type OpenState struct {
	Open bool
	// Steady is true when it never changes: open 24/7 (hours off, or every
	// minute of the week covered), or never open (no valid range at all).
	Steady bool
	// InDays is how many days after the moment's date the change falls: 0
	// later today, 1 tomorrow, up to 7, the same weekday next week. At is
	// the minute of that day, 0 to EndOfDay; a close at the end of a day
	// is EndOfDay, which FormatClock writes "23:59", as Dialpad does.
	InDays, At int
}

const minutesPerWeek = 7 * EndOfDay

// StateAt is OpenAt with the next change: when a closed place opens, or an
// open one closes. t must already be in the place's time zone. Ranges that
// meet across midnight or the end of the week are one stretch (Sunday
// 22:00–23:59 then Monday 00:00–06:00 closes Monday 06:00), and pairs that
// do not parse are ignored, as OpenAt ignores them.
func (w WeekHours) StateAt(t time.Time) OpenState {
	if !w.HoursOn {
		return OpenState{Open: true, Steady: true}
	}
	week := w.stretches()
	switch {
	case len(week) == 0:
		return OpenState{Steady: true}
	case len(week) == 1 && week[0] == Range{0, minutesPerWeek}:
		return OpenState{Open: true, Steady: true}
	}
	// Two weeks in a row, merged again, so a stretch crossing the end of the
	// week is whole and every later change is found after now.
	two := make([]Range, 0, 2*len(week))
	two = append(two, week...)
	for _, r := range week {
		two = append(two, Range{r.Open + minutesPerWeek, r.Close + minutesPerWeek})
	}
	two = mergeRanges(two)
	today := int(WeekdayOf(t.Weekday())) * EndOfDay
	now := today + t.Hour()*60 + t.Minute()
	for _, r := range two {
		switch {
		case r.Open <= now && now < r.Close:
			// A close is the end of the minute before: at midnight it is
			// the end of the day before, written 23:59.
			day := (r.Close - 1) / EndOfDay
			return OpenState{Open: true, InDays: day - today/EndOfDay, At: r.Close - day*EndOfDay}
		case r.Open > now:
			day := r.Open / EndOfDay
			return OpenState{InDays: day - today/EndOfDay, At: r.Open - day*EndOfDay}
		}
	}
	return OpenState{Steady: true} // not reached: the second week has every stretch
}

// stretches is the week's valid ranges in minutes of the week (Monday
// 00:00 is 0), sorted and merged where they overlap or meet.
func (w WeekHours) stretches() []Range {
	var out []Range
	for _, d := range Weekdays() {
		ranges, _ := ParseDay(d, w.Day(d))
		base := int(d) * EndOfDay
		for _, r := range ranges {
			out = append(out, Range{base + r.Open, base + r.Close})
		}
	}
	return mergeRanges(out)
}

// mergeRanges sorts ranges and joins those that overlap or meet.
func mergeRanges(rs []Range) []Range {
	slices.SortFunc(rs, func(a, b Range) int { return a.Open - b.Open })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.Open <= out[n-1].Close {
			out[n-1].Close = max(out[n-1].Close, r.Close)
			continue
		}
		out = append(out, r)
	}
	return out
}
