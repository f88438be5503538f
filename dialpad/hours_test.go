package dialpad

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestWeekdays(t *testing.T) {
	var fields, labels []string
	for _, d := range Weekdays() {
		fields = append(fields, d.Field())
		labels = append(labels, d.Label())
	}
	wantFields := []string{"monday_hours", "tuesday_hours", "wednesday_hours", "thursday_hours", "friday_hours", "saturday_hours", "sunday_hours"}
	wantLabels := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	if !slices.Equal(fields, wantFields) || !slices.Equal(labels, wantLabels) {
		t.Errorf("fields %q labels %q", fields, labels)
	}
	if Weekday(7).Field() != "" || Weekday(-1).Field() != "" {
		t.Error("out-of-range day has a field")
	}
	for gd, want := range map[time.Weekday]Weekday{time.Sunday: Sunday, time.Monday: Monday, time.Saturday: Saturday} {
		if got := WeekdayOf(gd); got != want {
			t.Errorf("WeekdayOf(%v) = %v, want %v", gd, got, want)
		}
	}
}

func TestDayAndSetDay(t *testing.T) {
	var w WeekHours
	for i, d := range Weekdays() {
		w.SetDay(d, []string{FormatClock(i * 60), FormatClock(i*60 + 30)})
	}
	// Every day lands in its own field, and the JSON names match Field().
	if w.MondayHours[0] != "00:00" || w.WednesdayHours[0] != "02:00" || w.SundayHours[1] != "06:30" {
		t.Errorf("SetDay stored %+v", w)
	}
	obj, err := toObject(w)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Weekdays() {
		if !reflect.DeepEqual(obj[d.Field()], []any{w.Day(d)[0], w.Day(d)[1]}) {
			t.Errorf("%s: JSON %v, Day %v", d.Field(), obj[d.Field()], w.Day(d))
		}
	}
	// SetDay copies, so the caller's slice stays the caller's.
	in := []string{"09:00", "17:00"}
	w.SetDay(Friday, in)
	in[0] = "10:00"
	if w.FridayHours[0] != "09:00" {
		t.Error("SetDay kept the caller's slice")
	}
	w.SetDay(Weekday(9), in) // ignored, no panic
	if w.Day(Weekday(9)) != nil {
		t.Error("out-of-range day has hours")
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"00:00", 0, true},
		{"09:05", 545, true},
		{"12:00", 720, true},
		{"23:59", 1439, true},
		{"24:00", 0, false}, // the spec never defines it; Dialpad writes end of day 23:59
		{"24:01", 0, false},
		{"25:00", 0, false},
		{"12:60", 0, false},
		{"9:00", 0, false},
		{"09:00:00", 0, false},
		{"0900", 0, false},
		{"09.00", 0, false},
		{" 09:00", 0, false},
		{"-1:00", 0, false},
		{"+9:00", 0, false},
		{"", 0, false},
		{"ab:cd", 0, false},
		{"٠٩:٠٠", 0, false}, // Arabic-Indic digits are not HH:MM
	}
	for _, tt := range tests {
		got, err := ParseClock(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseClock(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok && FormatClock(got) != tt.in {
			t.Errorf("FormatClock(%d) = %q, want %q", got, FormatClock(got), tt.in)
		}
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		name   string
		flat   []string
		want   []Range
		errors []string // HoursError.Error() texts
	}{
		{name: "closed day", flat: nil},
		{name: "empty list is closed too", flat: []string{}},
		{name: "one range", flat: []string{"08:00", "18:00"}, want: []Range{{480, 1080}}},
		{name: "split shift", flat: []string{"08:00", "12:00", "13:00", "18:00"}, want: []Range{{480, 720}, {780, 1080}}},
		{name: "three ranges", flat: []string{"06:00", "09:00", "11:00", "14:00", "17:00", "22:00"}, want: []Range{{360, 540}, {660, 840}, {1020, 1320}}},
		{name: "ranges may touch", flat: []string{"08:00", "12:00", "12:00", "18:00"}, want: []Range{{480, 720}, {720, 1080}}},
		{name: "whole day", flat: []string{"00:00", "23:59"}, want: []Range{{0, EndOfDay}}},
		{name: "runs to midnight", flat: []string{"22:00", "23:59"}, want: []Range{{1320, EndOfDay}}},
		{name: "from midnight", flat: []string{"00:00", "02:00"}, want: []Range{{0, 120}}},
		{name: "last minutes", flat: []string{"23:58", "23:59"}, want: []Range{{1438, EndOfDay}}},
		{
			name:   "end of day is not an opening",
			flat:   []string{"23:59", "23:59"},
			errors: []string{"Monday, range 1: opens and closes at the same time (23:59)"},
		},
		{
			name:   "odd count",
			flat:   []string{"08:00", "12:00", "13:00"},
			want:   []Range{{480, 720}},
			errors: []string{"Monday: 3 times given; every range needs an opening and a closing time"},
		},
		{
			name:   "closes before it opens",
			flat:   []string{"08:00", "10:00", "12:00", "09:00"},
			want:   []Range{{480, 600}},
			errors: []string{"Monday, range 2: closes (09:00) before it opens (12:00): a night shift? Split it at midnight"},
		},
		{
			name:   "opens and closes at once",
			flat:   []string{"09:00", "09:00"},
			errors: []string{"Monday, range 1: opens and closes at the same time (09:00)"},
		},
		{
			name:   "overnight range must be split",
			flat:   []string{"22:00", "02:00"},
			errors: []string{"Monday, range 1: closes (02:00) before it opens (22:00): a night shift? Split it at midnight"},
		},
		{
			name:   "bad times",
			flat:   []string{"8:00", "25:00"},
			errors: []string{`Monday, range 1: opening time "8:00" is not a 24-hour time like 09:00`, `Monday, range 1: closing time "25:00" is not a 24-hour time like 17:30`},
		},
		{
			name: "24:00 is not a time of day",
			flat: []string{"22:00", "24:00", "24:00", "24:00"},
			errors: []string{`Monday, range 1: closing time "24:00" is not a 24-hour time like 17:30`,
				`Monday, range 2: opening time "24:00" is not a 24-hour time like 09:00`, `Monday, range 2: closing time "24:00" is not a 24-hour time like 17:30`},
		},
		{
			name:   "overlap",
			flat:   []string{"08:00", "12:00", "11:00", "18:00"},
			want:   []Range{{480, 720}, {660, 1080}},
			errors: []string{"Monday, range 2: overlaps the range above it (08:00-12:00)"},
		},
		{
			name:   "not ascending",
			flat:   []string{"13:00", "18:00", "08:00", "12:00"},
			want:   []Range{{780, 1080}, {480, 720}},
			errors: []string{"Monday, range 2: starts (08:00) before the range above it (13:00); list ranges in order"},
		},
		{
			name: "every problem is reported",
			flat: []string{"x", "12:00", "13:00", "12:30", "14:00", "15:00", "14:30"},
			want: []Range{{840, 900}},
			errors: []string{
				"Monday: 7 times given; every range needs an opening and a closing time",
				`Monday, range 1: opening time "x" is not a 24-hour time like 09:00`,
				"Monday, range 2: closes (12:30) before it opens (13:00): a night shift? Split it at midnight",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := ParseDay(Monday, tt.flat)
			if !slices.Equal(got, tt.want) {
				t.Errorf("ranges = %v, want %v", got, tt.want)
			}
			var texts []string
			for _, e := range errs {
				if e.Day != Monday {
					t.Errorf("error for %v", e.Day)
				}
				texts = append(texts, e.Error())
			}
			if !slices.Equal(texts, tt.errors) {
				t.Errorf("errors\n got %q\nwant %q", texts, tt.errors)
			}
		})
	}
}

func TestHoursErrorFields(t *testing.T) {
	_, errs := ParseDay(Thursday, []string{"08:00", "18:00", "17:00", "19:00"})
	want := []HoursError{{Day: Thursday, Range: 1, Msg: "overlaps the range above it (08:00-18:00)"}}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors = %+v, want %+v", errs, want)
	}
}

func TestOpenAt(t *testing.T) {
	// 2024-01-01 was a Monday.
	at := func(day int, clock string) time.Time {
		m, err := ParseClock(clock)
		if err != nil {
			t.Fatal(err)
		}
		return time.Date(2024, 1, day, 0, m, 59, 0, time.UTC)
	}
	split := WeekHours{HoursOn: true, MondayHours: []string{"08:00", "12:00", "13:00", "18:00"}, SundayHours: []string{"22:00", "23:59"}}
	allWeek := WeekHours{HoursOn: true}
	for _, d := range Weekdays() {
		allWeek.SetDay(d, []string{"00:00", "23:59"})
	}
	off := split
	off.HoursOn = false
	tests := []struct {
		name string
		w    WeekHours
		t    time.Time
		want bool
	}{
		{"before opening", split, at(1, "07:59"), false},
		{"opening minute", split, at(1, "08:00"), true},
		{"last minute of a range", split, at(1, "11:59"), true},
		{"closing minute", split, at(1, "12:00"), false},
		{"lunch break", split, at(1, "12:30"), false},
		{"afternoon range", split, at(1, "13:00"), true},
		{"closed day", split, at(2, "10:00"), false},
		{"Sunday late range", split, at(7, "23:59"), true},
		{"Sunday before", split, at(7, "21:59"), false},
		{"Monday just after Sunday's midnight close", split, at(8, "00:00"), false},
		{"24/7 by hours_on off", off, at(2, "03:00"), true},
		{"24/7 by whole days, midnight", allWeek, at(3, "00:00"), true},
		{"24/7 by whole days, last minute", allWeek, at(6, "23:59"), true},
		{"no hours at all", WeekHours{HoursOn: true}, at(1, "10:00"), false},
		{"bad data never opens", WeekHours{HoursOn: true, MondayHours: []string{"nonsense", "18:00"}}, at(1, "10:00"), false},
	}
	for _, tt := range tests {
		if got := tt.w.OpenAt(tt.t); got != tt.want {
			t.Errorf("%s: OpenAt(%s) = %v, want %v", tt.name, tt.t.Format("Mon 15:04"), got, tt.want)
		}
	}

	// The caller converts to the place's zone; the same instant differs.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	instant := time.Date(2024, 1, 1, 14, 0, 0, 0, time.UTC) // 09:00 in New York, 14:00 in London
	nineToFive := WeekHours{HoursOn: true, MondayHours: []string{"09:00", "12:00"}}
	if !nineToFive.OpenAt(instant.In(ny)) || nineToFive.OpenAt(instant) {
		t.Error("OpenAt does not read the wall clock of the time given")
	}
}

func TestEqual(t *testing.T) {
	w := WeekHours{HoursOn: true, MondayHours: []string{"08:00", "18:00"}, TuesdayHours: []string{}}
	tests := []struct {
		name string
		a, b WeekHours
		want bool
	}{
		{"same", w, w, true},
		{"nil equals empty", WeekHours{SundayHours: nil}, WeekHours{SundayHours: []string{}}, true},
		{"hours_on differs", WeekHours{HoursOn: true}, WeekHours{}, false},
		{"a day differs", w, WeekHours{HoursOn: true, MondayHours: []string{"08:00", "17:00"}}, false},
		{"a later day differs", WeekHours{SundayHours: []string{"08:00", "17:00"}}, WeekHours{}, false},
		{"kept lists count with hours_on off", WeekHours{FridayHours: []string{"08:00", "17:00"}}, WeekHours{}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Equal(tt.b); got != tt.want {
			t.Errorf("%s: Equal = %v", tt.name, got)
		}
		if got := tt.b.Equal(tt.a); got != tt.want {
			t.Errorf("%s: Equal (swapped) = %v", tt.name, got)
		}
	}
}

// People type times loosely; the forms send them as Dialpad writes them,
// and keep anything that is no time exactly as typed, for its message.
func TestNormalizeClock(t *testing.T) {
	tests := []struct{ in, want string }{
		{"09:00", "09:00"},
		{"9:00", "09:00"},
		{"9.00", "09:00"},
		{"0900", "09:00"},
		{"900", "09:00"},
		{"9", "09:00"},
		{"09", "09:00"},
		{"0", "00:00"},
		{"17:30", "17:30"},
		{"1730", "17:30"},
		{"23:59", "23:59"},
		{" 8:15 ", "08:15"},
		// Midnight typed as 24:00 is Dialpad's end of day.
		{"24:00", "23:59"},
		{"2400", "23:59"},
		{"24", "23:59"},
		{"", ""},
		{"   ", ""},
		// Not a time: kept exactly as typed.
		{"24:01", "24:01"},
		{"25:00", "25:00"},
		{"9:5", "9:5"},
		{"9:", "9:"},
		{":30", ":30"},
		{"12:60", "12:60"},
		{"12345", "12345"},
		{"5pm", "5pm"},
		{"05:00 PM", "05:00 PM"},
		{" x ", " x "},
		{"09:00:00", "09:00:00"},
		{"-9", "-9"},
		{"９", "９"},
	}
	for _, tt := range tests {
		if got := NormalizeClock(tt.in); got != tt.want {
			t.Errorf("NormalizeClock(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Midnight: people type "24:00", Dialpad writes "23:59"; a night shift is
// two ranges, one on each side of midnight.
func TestEndOfDay(t *testing.T) {
	tests := []struct {
		open, close     string
		today, tomorrow []string
		ok              bool
	}{
		{"22:00", "06:00", []string{"22:00", "23:59"}, []string{"00:00", "06:00"}, true},
		{"18:00", "00:30", []string{"18:00", "23:59"}, []string{"00:00", "00:30"}, true},
		{"22:00", "00:00", []string{"22:00", "23:59"}, nil, true},
		{"08:00", "17:00", nil, nil, false},
		{"08:00", "08:00", nil, nil, false},
		{"22:00", "24:00", nil, nil, false},
	}
	for _, tt := range tests {
		today, tomorrow, ok := SplitAtMidnight(tt.open, tt.close)
		if ok != tt.ok || !slices.Equal(today, tt.today) || !slices.Equal(tomorrow, tt.tomorrow) {
			t.Errorf("SplitAtMidnight(%s, %s) = %v, %v, %v; want %v, %v, %v", tt.open, tt.close, today, tomorrow, ok, tt.today, tt.tomorrow, tt.ok)
		}
		for _, part := range [][]string{today, tomorrow} {
			if _, errs := ParseDay(Monday, part); len(errs) != 0 {
				t.Errorf("split part %v is not a valid day: %v", part, errs)
			}
		}
	}
	if _, errs := ParseDay(Monday, []string{"22:00", "06:00"}); len(errs) != 1 || !errs[0].Overnight {
		t.Errorf("a night shift is not flagged Overnight: %+v", errs)
	}
	if Sunday.Next() != Monday || Monday.Next() != Tuesday {
		t.Error("Next does not wrap the week")
	}
}
