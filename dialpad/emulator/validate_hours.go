package emulator

import "strconv"

// validateHours checks one day of business hours: "HH:MM" strings in
// open/close pairs, each pair opening before it closes, pairs ascending and
// not overlapping. An empty day is closed all day.
func validateHours(field string, hs []string) error {
	if len(hs)%2 != 0 {
		return badRequest("%s: needs open/close pairs, got %d times", field, len(hs))
	}
	prevClose := -1
	for i := 0; i < len(hs); i += 2 {
		n := i/2 + 1
		open, ok := parseClock(hs[i])
		if !ok {
			return badRequest(`%s: %q is not a time of day "HH:MM" (00:00 to 23:59)`, field, hs[i])
		}
		closing, ok := parseClock(hs[i+1])
		if !ok {
			return badRequest(`%s: %q is not a time of day "HH:MM" (00:00 to 23:59)`, field, hs[i+1])
		}
		if closing <= open {
			return badRequest("%s: range %d closes before it opens", field, n)
		}
		if open < prevClose {
			return badRequest("%s: range %d overlaps or comes before range %d", field, n, n-1)
		}
		prevClose = closing
	}
	return nil
}

// parseClock turns "HH:MM" into minutes after midnight.
func parseClock(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 || s[0] == '+' || s[3] == '+' {
		return 0, false
	}
	return h*60 + m, true
}
