package handlers

import (
	"net/url"
	"slices"
	"strings"

	"switchboard/dialpad"
)

// parseHoursForm reads the editor's fields, named as the API names them:
// name, group_description, ring_seconds, hours_on, and each day's times
// repeated in open, close order (monday_hours=08:00&monday_hours=12:00...).
// base is the form as rendered from the resource: a field the post says
// nothing about keeps it (see postedValues). A day the form showed with no
// times (marked, absent) is closed; a day missing from the post is not.
func parseHoursForm(v url.Values, base hoursForm) hoursForm {
	f := base
	f.Choices = conflictChoices(v)
	postedString(v, "name", &f.Name)
	postedString(v, "group_description", &f.Description)
	postedString(v, "ring_seconds", &f.RingSeconds)
	f.RingSeconds = strings.TrimSpace(f.RingSeconds)
	postedBool(v, "hours_on", &f.HoursOn)
	for _, d := range dialpad.Weekdays() {
		f.CopyTo[d] = editorCopyTicked(v["_copy_"+d.Field()])
		times, ok := postedValues(v, d.Field())
		if !ok {
			f.Days[d] = slices.Clone(base.Days[d])
			continue
		}
		if len(times) > 2*editorMaxRanges {
			times, f.Truncated[d] = times[:2*editorMaxRanges], true
		}
		f.Days[d] = make([]string, len(times))
		for i, t := range times {
			// A time typed loosely ("9", "0900") is shown as Dialpad writes it
			// from then on, midnight typed as 24:00 as its end of day, 23:59;
			// one that is no time stays exactly as typed, for its message.
			f.Days[d][i] = dialpad.NormalizeClock(t)
		}
	}
	return f
}

// editorCopyTicked are the days ticked in a copy menu (their fields, as
// posted), in week order; anything else is ignored.
func editorCopyTicked(fields []string) []dialpad.Weekday {
	var days []dialpad.Weekday
	for _, d := range dialpad.Weekdays() {
		if slices.Contains(fields, d.Field()) {
			days = append(days, d)
		}
	}
	return days
}
