package handlers

import (
	"slices"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// hoursSummary words a week in lines, one per set of days sharing the
// same hours, in week order: "Mon–Fri 08:00–12:00, 14:00–18:00",
// "Sat–Sun closed", "Mon, Wed, Fri 10:00–16:00".
func hoursSummary(w dialpad.WeekHours) []string {
	if !w.HoursOn {
		return []string{"24/7"}
	}
	type dayGroup struct {
		text string
		days []dialpad.Weekday
	}
	var groups []dayGroup
	for _, d := range dialpad.Weekdays() {
		text := dayText(w, d)
		i := slices.IndexFunc(groups, func(g dayGroup) bool { return g.text == text })
		if i < 0 {
			groups = append(groups, dayGroup{text: text})
			i = len(groups) - 1
		}
		groups[i].days = append(groups[i].days, d)
	}
	if len(groups) == 1 {
		if groups[0].text == "closed" {
			return []string{"Closed all week"}
		}
		return []string{"Every day " + groups[0].text}
	}
	lines := make([]string, len(groups))
	for i, g := range groups {
		lines[i] = daysLabel(g.days) + " " + g.text
	}
	return lines
}

// daysLabel names days in week order, runs joined: "Mon–Wed, Fri".
func daysLabel(days []dialpad.Weekday) string {
	var parts []string
	for start := 0; start < len(days); {
		end := start
		for end+1 < len(days) && days[end+1] == days[end]+1 {
			end++
		}
		label := shortDay(days[start])
		if end > start {
			label += "–" + shortDay(days[end])
		}
		parts = append(parts, label)
		start = end + 1
	}
	return strings.Join(parts, ", ")
}

// dayText is one day's ranges for a page ("08:00–12:00, 14:00–18:00"),
// or "closed".
func dayText(w dialpad.WeekHours, d dialpad.Weekday) string {
	return rangesText(w, d, "–", ", ")
}

// rangesText writes a day's ranges with the given dash between open and
// close and sep between ranges, or "closed". Pairs that do not parse are
// left out, as Dialpad cannot open on them either.
func rangesText(w dialpad.WeekHours, d dialpad.Weekday, dash, sep string) string {
	ranges, _ := dialpad.ParseDay(d, w.Day(d))
	if len(ranges) == 0 {
		return "closed"
	}
	parts := make([]string, len(ranges))
	for i, r := range ranges {
		parts[i] = dialpad.FormatClock(r.Open) + dash + dialpad.FormatClock(r.Close)
	}
	return strings.Join(parts, sep)
}

func shortDay(d dialpad.Weekday) string { return d.Label()[:3] }

// openBadge says whether a group takes calls at now, by its hours in its
// own time zone.
func openBadge(w dialpad.WeekHours, tz string, z zones, now time.Time) views.Badge {
	if !w.HoursOn {
		return views.Badge{Label: "24/7", Color: views.BadgeBlue, Title: "Takes calls around the clock"}
	}
	loc, ok := z.load(tz)
	if !ok {
		return views.Badge{Label: "Unknown", Color: views.BadgeGrey, Title: "Unknown time zone " + tz}
	}
	local := now.In(loc)
	title := "Local time " + local.Format("Mon 15:04")
	if w.OpenAt(local) {
		return views.Badge{Label: "Open", Color: views.BadgeGreen, Title: title}
	}
	return views.Badge{Label: "Closed", Color: views.BadgeGrey, Title: title}
}
