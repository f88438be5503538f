package emulator

// validateHours checks one day of business hours from the spec: "HH:MM"
// strings (00:00 to 23:59, never "24:00", see hours_clock.go) in open/close
// pairs; an empty day is closed all day. The spec says nothing of order or
// overlap; the stricter reading: each pair opens before it closes, and pairs
// ascend without overlapping (a range may start where the one before it
// ends: they touch, they do not overlap).
func validateHours(field string, hs []string) error {
	if len(hs)%2 != 0 {
		return badRequest("%s: needs open/close pairs, got %d times", field, len(hs))
	}
	prevClose := -1
	for i := 0; i < len(hs); i += 2 {
		n := i/2 + 1
		open, ok := clockMinutes(hs[i])
		if !ok {
			return badRequest(`%s: %q is not a time of day "HH:MM" (00:00 to 23:59)`, field, hs[i])
		}
		closing, ok := clockMinutes(hs[i+1])
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
