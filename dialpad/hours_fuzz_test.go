package dialpad

import (
	"slices"
	"strings"
	"testing"
)

// FuzzParseDay feeds a day as a comma-separated list of times.
func FuzzParseDay(f *testing.F) {
	for _, seed := range []string{
		"", "08:00,18:00", "08:00,12:00,13:00,18:00", "00:00,24:00", "22:00,02:00",
		"08:00,12:00,11:00,18:00", "24:00,24:00", "9:00,17:00", "08:00", "23:59,24:00,00:00,01:00",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var flat []string
		if in != "" {
			flat = strings.Split(in, ",")
		}
		ranges, errs := ParseDay(Tuesday, flat)
		for _, e := range errs {
			if e.Day != Tuesday || e.Range < -1 || e.Range >= (len(flat)+1)/2 || e.Msg == "" {
				t.Fatalf("malformed error %+v for %q", e, flat)
			}
		}
		for _, r := range ranges {
			if r.Open < 0 || r.Open >= r.Close || r.Close > EndOfDay {
				t.Fatalf("bad range %+v accepted from %q", r, flat)
			}
		}
		if len(errs) > 0 {
			return
		}
		// What is accepted reads back exactly as given, as the pages show it.
		if 2*len(ranges) != len(flat) {
			t.Fatalf("round trip: %q became %d ranges", flat, len(ranges))
		}
		for i, r := range ranges {
			if got := []string{FormatClock(r.Open), FormatClock(r.Close)}; !slices.Equal(got, flat[2*i:2*i+2]) {
				t.Fatalf("round trip: %q became %q in range %d", flat, got, i+1)
			}
		}
		for i := 1; i < len(ranges); i++ {
			if ranges[i].Open < ranges[i-1].Close {
				t.Fatalf("accepted overlapping or unordered ranges %v from %q", ranges, flat)
			}
		}
	})
}

// FuzzNormalizeClock: whatever is typed comes back blank, as a time
// ParseClock reads, or exactly as typed; and normalising twice changes
// nothing more.
func FuzzNormalizeClock(f *testing.F) {
	for _, seed := range []string{"", "9", "0900", "9:00", "9.30", "24:00", "2400", "25:00", "5pm", " 7:15 ", "12:60"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := NormalizeClock(in)
		if out != in && out != "" {
			if _, err := ParseClock(out); err != nil {
				t.Fatalf("NormalizeClock(%q) = %q, not a time: %v", in, out, err)
			}
		}
		if out == "" && strings.TrimSpace(in) != "" {
			t.Fatalf("NormalizeClock(%q) dropped what was typed", in)
		}
		if again := NormalizeClock(out); again != out {
			t.Fatalf("NormalizeClock(%q) = %q, then %q", in, out, again)
		}
	})
}
