package handlers

import (
	"slices"
	"strconv"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// keepTogether cuts worded hours into parts so that each range and run of
// days ("09:00–17:00", "Mon–Fri") stays on one line: the word around each
// en dash, without the punctuation beside it, is kept whole; a line may
// break anywhere else.
func keepTogether(s string) views.Words {
	var out views.Words
	plain := 0 // where the text not yet added starts
	for {
		j := strings.Index(s[plain:], "–")
		if j < 0 {
			break
		}
		dash := plain + j
		start := max(plain, strings.LastIndexAny(s[:dash], " (")+1)
		end := dash + len("–")
		for end < len(s) && !strings.ContainsRune(" ,;)", rune(s[end])) {
			end++
		}
		if start > plain {
			out = append(out, views.WordPart{Text: s[plain:start]})
		}
		out = append(out, views.WordPart{Text: s[start:end], Keep: true})
		plain = end
	}
	if plain < len(s) {
		out = append(out, views.WordPart{Text: s[plain:]})
	}
	return out
}

// keepLines is keepTogether for each line.
func keepLines(lines []string) []views.Words {
	out := make([]views.Words, len(lines))
	for i, l := range lines {
		out[i] = keepTogether(l)
	}
	return out
}

// usualDiff says only how a week differs from its office's usual one, day
// by day, days alike grouped: "Mon–Fri 08:00–16:00 (usually 09:00–17:00)",
// "Sat 10:00–14:00 (usually closed)". The usual week itself is worded once,
// in the office's heading.
func usualDiff(w, usual dialpad.WeekHours) []string {
	switch {
	case !w.HoursOn && usual.HoursOn:
		return []string{"Open 24/7 (business hours off)"}
	case w.HoursOn && !usual.HoursOn:
		return []string{"Keeps business hours (usually open 24/7)"}
	}
	type change struct {
		mine, usual string
		days        []dialpad.Weekday
	}
	var changes []change
	for _, d := range dialpad.Weekdays() {
		mine, was := dayText(w, d), dayText(usual, d)
		if mine == was {
			continue
		}
		i := slices.IndexFunc(changes, func(c change) bool { return c.mine == mine && c.usual == was })
		if i < 0 {
			changes = append(changes, change{mine: mine, usual: was})
			i = len(changes) - 1
		}
		changes[i].days = append(changes[i].days, d)
	}
	out := make([]string, len(changes))
	for i, c := range changes {
		out[i] = daysLabel(c.days) + " " + c.mine + " (usually " + c.usual + ")"
	}
	return out
}

// usualNote words how many keep an office's usual hours and how many of
// the rows below differ: "4 of 8 call centers and departments keep these
// hours; the 4 below differ." Without a usual schedule it says why.
func usualNote(u usualSchedule, differ int) string {
	total := strconv.Itoa(u.Total)
	if !u.found() {
		if u.Total < 2 {
			return ""
		}
		return "No usual hours: no two of its " + total + " call centers and departments keep the same hours."
	}
	s := strconv.Itoa(u.Shared) + " of " + total + " call centers and departments keep these hours"
	if u.Shared == u.Total {
		s = "All " + total + " call centers and departments keep these hours"
	}
	switch differ {
	case 0:
		return s + "."
	case 1:
		return s + "; the one below differs."
	}
	return s + "; the " + strconv.Itoa(differ) + " below differ."
}

// nextWords says when the Now column's state next changes, in the place's
// own time: "opens 13:00" later today, "opens Mon 09:00" on another day,
// "opens next Mon 09:00" a week on, "closes 17:00"; "no hours set" for a
// place never open, and "" for one open 24/7.
func nextWords(s dialpad.OpenState, today dialpad.Weekday) string {
	switch {
	case s.Steady && s.Open:
		return ""
	case s.Steady:
		return "no hours set"
	}
	verb := "opens "
	if s.Open {
		verb = "closes "
	}
	when := dialpad.FormatClock(s.At)
	switch {
	case s.InDays == 7:
		when = "next " + shortDay(today) + " " + when
	case s.InDays > 0:
		when = shortDay((today+dialpad.Weekday(s.InDays))%7) + " " + when
	}
	return verb + when
}
