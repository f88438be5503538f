package handlers

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/views"
)

// bulkFields marks every field of the week, as the page does.
func bulkFields() []string {
	out := []string{"hours_on"}
	for _, d := range dialpad.Weekdays() {
		out = append(out, d.Field())
	}
	return out
}

func TestParseBulkForm(t *testing.T) {
	base := func(extra url.Values) url.Values {
		v := url.Values{"target": {"callcenter:1"}, "hours_on": {"true"}, views.FieldsMarker: bulkFields()}
		for k, vs := range extra {
			v[k] = vs
		}
		return v
	}
	tests := []struct {
		name     string
		form     url.Values
		wantDays map[dialpad.Weekday][]string // days not named must be empty
		hoursOn  bool
		errs     map[string]string // field -> substring of its message
	}{
		{
			name: "blank slots are dropped, split shifts kept",
			form: base(url.Values{
				"monday_hours":  {"08:00", "12:00", "13:00", "17:00", "", ""},
				"tuesday_hours": {"", "", "09:00", "17:00"},
			}),
			wantDays: map[dialpad.Weekday][]string{
				dialpad.Monday:  {"08:00", "12:00", "13:00", "17:00"},
				dialpad.Tuesday: {"09:00", "17:00"},
			},
			hoursOn: true,
		},
		{
			name:     "a single-digit hour is padded and spaces trimmed",
			form:     base(url.Values{"friday_hours": {" 9:00", "17:30 "}}),
			wantDays: map[dialpad.Weekday][]string{dialpad.Friday: {"09:00", "17:30"}},
			hoursOn:  true,
		},
		{
			name:     "times typed loosely are written as Dialpad writes them",
			form:     base(url.Values{"saturday_hours": {"9", "1230", "13.00", "1730"}}),
			wantDays: map[dialpad.Weekday][]string{dialpad.Saturday: {"09:00", "12:30", "13:00", "17:30"}},
			hoursOn:  true,
		},
		{
			name:     "24:00 is taken as Dialpad's end of day, 23:59",
			form:     base(url.Values{"sunday_hours": {"22:00", "24:00"}}),
			wantDays: map[dialpad.Weekday][]string{dialpad.Sunday: {"22:00", "23:59"}},
			hoursOn:  true,
		},
		{
			name:    "hours_on unticked is open 24/7",
			form:    url.Values{"target": {"callcenter:1"}, views.FieldsMarker: bulkFields()},
			hoursOn: false,
		},
		{
			// The week replaces each target's: a post that lacks it is
			// not a closed week but a broken form.
			name: "fields missing from the post are errors, not closed days",
			form: url.Values{"target": {"callcenter:1"}, "monday_hours": {"09:00", "17:00"}, views.FieldsMarker: {"tuesday_hours"}},
			errs: map[string]string{
				"hours_on": "missing from the form", "wednesday_hours": "missing from the form", "thursday_hours": "missing from the form",
				"friday_hours": "missing from the form", "saturday_hours": "missing from the form", "sunday_hours": "missing from the form",
			},
			wantDays: map[dialpad.Weekday][]string{dialpad.Monday: {"09:00", "17:00"}},
		},
		{
			name: "every problem beside its day",
			form: base(url.Values{
				"monday_hours":    {"9am", "17:00"},
				"tuesday_hours":   {"17:00", "09:00"},
				"wednesday_hours": {"09:00", "13:00", "12:00", "18:00"},
				"thursday_hours":  {"", "17:00"},
				"friday_hours":    {"10:00", "10:00"},
			}),
			errs: map[string]string{
				"monday_hours":    `Range 1: opening time "9am" is not a 24-hour time like 09:00.`,
				"tuesday_hours":   "Range 1: closes (09:00) before it opens (17:00): a night shift? Enter it as two ranges: up to 23:59 on this day and from 00:00 on the next.",
				"wednesday_hours": "Range 2: overlaps the range above it (09:00-13:00).",
				"thursday_hours":  "Range 1 needs both an opening and a closing time.",
				"friday_hours":    "Range 1: opens and closes at the same time (10:00).",
			},
			hoursOn: true,
		},
		{
			name:    "no target",
			form:    url.Values{"hours_on": {"true"}, "target": {"", " "}, views.FieldsMarker: bulkFields()},
			errs:    map[string]string{"target": "Tick at least one"},
			hoursOn: true,
		},
		{
			name: "too many targets",
			form: func() url.Values {
				v := url.Values{"hours_on": {"true"}, views.FieldsMarker: bulkFields()}
				for i := range bulkMax + 1 {
					v.Add("target", fmt.Sprintf("callcenter:%d", i+1))
				}
				return v
			}(),
			errs:    map[string]string{"target": "at most 100"},
			hoursOn: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := parseBulkForm(tt.form)
			if len(f.FieldErrors) != len(tt.errs) {
				t.Errorf("errors %v, want %d", f.FieldErrors, len(tt.errs))
			}
			for field, want := range tt.errs {
				if !strings.Contains(f.FieldErrors[field], want) {
					t.Errorf("%s: %q, want it to say %q", field, f.FieldErrors[field], want)
				}
			}
			if f.Week.HoursOn != tt.hoursOn {
				t.Errorf("hours_on = %v", f.Week.HoursOn)
			}
			if len(tt.errs) > 0 {
				return
			}
			for _, d := range dialpad.Weekdays() {
				got := f.Week.Day(d)
				if got == nil {
					t.Errorf("%s is nil; a closed day must be sent as []", d)
				}
				if !slices.Equal(got, tt.wantDays[d]) {
					t.Errorf("%s = %q, want %q", d, got, tt.wantDays[d])
				}
			}
		})
	}
}

func TestParseBulkFormKeepsInput(t *testing.T) {
	f := parseBulkForm(url.Values{"monday_hours": {"25:00", "17:00", "", ""}, "hours_on": {"true"}})
	mon := f.Input.Days[0]
	if mon.Field != "monday_hours" || mon.Pairs[0] != [2]string{"25:00", "17:00"} {
		t.Errorf("Monday input = %+v, want the typed pair first", mon)
	}
	if len(mon.Pairs) < 2 || mon.Pairs[len(mon.Pairs)-1] != [2]string{} {
		t.Errorf("Monday has no blank slot for another range: %+v", mon.Pairs)
	}
	if mon.Error == "" || !f.Input.HoursOn {
		t.Errorf("input lost the error or hours_on: %+v", f.Input)
	}
}

func TestBulkApplyWeek(t *testing.T) {
	current := usualWeek(true, "08:00", "18:00")
	nine := usualWeek(true, "09:00", "17:00")
	off := dialpad.WeekHours{HoursOn: false}

	if got := bulkApplyWeek(current, nine); !got.Equal(nine) {
		t.Errorf("hours on: got %+v, want the new week", got)
	}
	// Open 24/7 changes only hours_on: the target's own lists stay.
	got := bulkApplyWeek(current, off)
	want := current
	want.HoursOn = false
	if !got.Equal(want) {
		t.Errorf("24/7: got %+v, want the lists kept", got)
	}
	if fields := bulkChangedFields(current, got); !slices.Equal(fields, []string{"hours_on"}) {
		t.Errorf("24/7 changes %q, want only hours_on", fields)
	}
}

// A full batch must fit the sealed form state (formstate.MaxTokenLen):
// otherwise the largest batches would fail to render.
func TestBulkBaseFitsAFullBatch(t *testing.T) {
	h := &Handler{FormKey: []byte("test-form-key-test-form-key-0000")}
	bases := make([]bulkBase, bulkMax)
	// Dialpad's ids are 16 random-looking digits, which do not compress.
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range bases {
		w := usualWeek(true, "08:00", "12:00", "13:00", "17:30")
		w.SaturdayHours = []string{fmt.Sprintf("%02d:00", i%12), "14:00"}
		bases[i] = bulkBase{
			Kind: dialpad.TargetCallCenter, ID: dialpad.ID(rnd.Int64N(9e15) + 1e15), OfficeID: dialpad.ID(rnd.Int64N(9e15) + 1e15),
			Name: fmt.Sprintf("Customer Care Team %03d", i), Office: "Rotterdam Distribution Centre", Hours: w,
		}
	}
	token, err := h.sealBulk(1, bases)
	if err != nil {
		t.Fatal(err)
	}
	got, err := h.openBulk(1, token)
	if err != nil || len(got) != bulkMax || got[42].Name != bases[42].Name {
		t.Fatalf("round trip: %v, %d bases", err, len(got))
	}
	t.Logf("%d targets seal to %d bytes", bulkMax, len(token))
}

func TestBulkUpdatedWords(t *testing.T) {
	tests := []struct {
		fields  []string
		hoursOn bool
		want    string
	}{
		{[]string{"friday_hours"}, true, "Changed Friday."},
		{[]string{"monday_hours", "friday_hours"}, true, "Changed Monday and Friday."},
		{[]string{"hours_on"}, false, "Now open 24/7."},
		{[]string{"hours_on", "saturday_hours"}, true, "Business hours turned on; changed Saturday."},
	}
	for _, tt := range tests {
		if got := bulkUpdatedWords(tt.fields, tt.hoursOn); got != tt.want {
			t.Errorf("bulkUpdatedWords(%q, %v) = %q, want %q", tt.fields, tt.hoursOn, got, tt.want)
		}
	}
}
