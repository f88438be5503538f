package emulator

import "switchboard/dialpad"

// validateHours checks one day of business hours: "HH:MM" strings in
// open/close pairs, each pair opening before it closes, pairs ascending and
// not overlapping. An empty day is closed all day. Times are read by
// dialpad.ParseClock, the console's own reader, so both agree on "24:00":
// a range may close at midnight but not open there.
func validateHours(field string, hs []string) error {
	if len(hs)%2 != 0 {
		return badRequest("%s: needs open/close pairs, got %d times", field, len(hs))
	}
	prevClose := -1
	for i := 0; i < len(hs); i += 2 {
		n := i/2 + 1
		open, err := dialpad.ParseClock(hs[i])
		if err != nil || open == dialpad.EndOfDay {
			return badRequest(`%s: %q is not a time of day "HH:MM" (00:00 to 23:59)`, field, hs[i])
		}
		closing, err := dialpad.ParseClock(hs[i+1])
		if err != nil {
			return badRequest(`%s: %q is not a time of day "HH:MM" (00:00 to 23:59, or 24:00 to close at midnight)`, field, hs[i+1])
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
