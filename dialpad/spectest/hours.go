package spectest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// clock is one "HH:MM" of a day's hours. The spec types monday_hours and the
// rest only as arrays of strings, describes them as open/close pairs
// (["08:00", "12:00", "14:00", "18:00"] is 8 to noon and 2 to 6) and never
// defines "24:00". The stricter reading: 00:00 to 23:59, in pairs.
var clock = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// hoursProblems lists, as "pointer: what", every *_hours list in v that is
// not pairs of such times.
func hoursProblems(v any, at string) []string {
	var out []string
	switch t := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := at + "/" + k
			if isDayHours(k) {
				out = append(out, dayProblems(t[k], p)...)
				continue
			}
			out = append(out, hoursProblems(t[k], p)...)
		}
	case []any:
		for i, x := range t {
			out = append(out, hoursProblems(x, fmt.Sprintf("%s/%d", at, i))...)
		}
	}
	return out
}

func isDayHours(k string) bool {
	day, ok := strings.CutSuffix(k, "_hours")
	return ok && slices.Contains([]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}, day)
}

func dayProblems(v any, at string) []string {
	list, ok := v.([]any)
	if !ok {
		return nil // null, or not a list: the schema check says so
	}
	var out []string
	if len(list)%2 != 0 {
		out = append(out, fmt.Sprintf("%s: %d times, not open/close pairs", at, len(list)))
	}
	for i, x := range list {
		if s, ok := x.(string); ok && !clock.MatchString(s) {
			out = append(out, fmt.Sprintf("%s/%d: %q is not a time of day from 00:00 to 23:59", at, i, s))
		}
	}
	return out
}
