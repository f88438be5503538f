package emulator

// The emulator's own reading of the spec's business hours, independent of
// the console's parsers (dialpad.ParseClock and friends): two readings of
// the spec are what lets a test catch either one being wrong.
//
// The spec's *_hours fields are arrays of "HH:MM" strings in open/close
// pairs. It never defines "24:00" (its end of day is "23:59"), so "24:00" is
// refused wherever it appears: the stricter reading.

const (
	minutesPerDay = 24 * 60
	lastMinute    = minutesPerDay - 1 // "23:59", the spec's end of day
)

// clockMinutes reads "HH:MM", exactly two digits, a colon, two digits, from
// 00:00 to 23:59, as minutes since midnight.
func clockMinutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// span is one open range of a day in minutes, close after open.
type span struct{ open, close int }

// daySpans reads a day's flat pairs; ok is false when any time does not
// read or the count is odd. Order is not checked here (validateHours does).
func daySpans(hs []string) (spans []span, ok bool) {
	if len(hs)%2 != 0 {
		return nil, false
	}
	for i := 0; i < len(hs); i += 2 {
		o, ok1 := clockMinutes(hs[i])
		c, ok2 := clockMinutes(hs[i+1])
		if !ok1 || !ok2 {
			return nil, false
		}
		spans = append(spans, span{o, c})
	}
	return spans, true
}
