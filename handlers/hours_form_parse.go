package handlers

import (
	"net/url"
	"strings"

	"switchboard/dialpad"
)

// parseHoursForm reads the editor's fields, named as the API names them:
// name, group_description, ring_seconds, hours_on, and each day's times
// repeated in open, close order (monday_hours=08:00&monday_hours=12:00...).
func parseHoursForm(v url.Values) hoursForm {
	f := hoursForm{
		Name:        v.Get("name"),
		Description: v.Get("group_description"),
		RingSeconds: strings.TrimSpace(v.Get("ring_seconds")),
		HoursOn:     v.Get("hours_on") == "true",
		Choices:     conflictChoices(v),
	}
	for _, d := range dialpad.Weekdays() {
		times := v[d.Field()]
		if len(times) > 2*editorMaxRanges {
			times, f.Truncated[d] = times[:2*editorMaxRanges], true
		}
		f.Days[d] = make([]string, len(times))
		for i, t := range times {
			// Midnight typed as 24:00 is taken as Dialpad's end of day, 23:59,
			// and shown so from then on.
			f.Days[d][i] = dialpad.NormalizeClock(strings.TrimSpace(t))
		}
	}
	return f
}
