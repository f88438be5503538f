package handlers

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/views"
)

func TestDropBlankPairs(t *testing.T) {
	tests := []struct {
		raw       []string
		flat      []string
		index     []int
		wantPairs int
	}{
		{nil, nil, nil, 0},
		{[]string{"", ""}, nil, nil, 1},
		{[]string{"08:00", "12:00", "", "", "13:00", "17:00"}, []string{"08:00", "12:00", "13:00", "17:00"}, []int{0, 2}, 3},
		{[]string{"08:00", ""}, []string{"08:00", ""}, []int{0}, 1},
		{[]string{"08:00", "12:00", "13:00"}, []string{"08:00", "12:00", "13:00"}, []int{0}, 2},
	}
	for _, tt := range tests {
		flat, index := dropBlankPairs(tt.raw)
		if !slices.Equal(flat, tt.flat) || !slices.Equal(index, tt.index) {
			t.Errorf("dropBlankPairs(%q) = %q, %v; want %q, %v", tt.raw, flat, index, tt.flat, tt.index)
		}
		if n := len(timePairs(tt.raw)); n != tt.wantPairs {
			t.Errorf("timePairs(%q) gives %d pairs, want %d", tt.raw, n, tt.wantPairs)
		}
	}
}

func TestDoAction(t *testing.T) {
	start := func() hoursForm {
		f := hoursForm{HoursOn: true}
		f.Days[dialpad.Monday] = []string{"08:00", "12:00", "", "", "13:00", "17:00"}
		f.Days[dialpad.Saturday] = []string{"10:00", "14:00"}
		f.CopyTo[dialpad.Saturday] = []dialpad.Weekday{dialpad.Tuesday, dialpad.Sunday}
		return f
	}
	tests := []struct {
		action  string
		day     dialpad.Weekday
		want    []string
		hoursOn bool
		wantErr bool
	}{
		{action: "add:saturday_hours", day: dialpad.Saturday, want: []string{"10:00", "14:00", "", ""}, hoursOn: true},
		{action: "remove:monday_hours:1", day: dialpad.Monday, want: []string{"08:00", "12:00", "13:00", "17:00"}, hoursOn: true},
		{action: "remove:monday_hours:3", wantErr: true},
		{action: "remove:monday_hours:-1", wantErr: true},
		{action: "copy:monday_hours:weekdays", day: dialpad.Thursday, want: []string{"08:00", "12:00", "13:00", "17:00"}, hoursOn: true},
		{action: "copy:monday_hours:weekdays", day: dialpad.Saturday, want: []string{"10:00", "14:00"}, hoursOn: true},
		{action: "copy:saturday_hours:all", day: dialpad.Monday, want: []string{"10:00", "14:00"}, hoursOn: true},
		{action: "copy:saturday_hours:sometimes", wantErr: true},
		{action: "copy:saturday_hours:chosen", day: dialpad.Sunday, want: []string{"10:00", "14:00"}, hoursOn: true},
		{action: "copy:saturday_hours:chosen", day: dialpad.Tuesday, want: []string{"10:00", "14:00"}, hoursOn: true},
		{action: "copy:saturday_hours:chosen", day: dialpad.Wednesday, want: nil, hoursOn: true},
		{action: "copy:monday_hours:chosen", wantErr: true}, // nothing ticked in Monday's menu
		{action: "preset:weekdays", day: dialpad.Wednesday, want: []string{"09:00", "17:00"}, hoursOn: true},
		{action: "preset:weekdays", day: dialpad.Saturday, want: nil, hoursOn: true},
		{action: "preset:always", day: dialpad.Monday, want: []string{"08:00", "12:00", "", "", "13:00", "17:00"}, hoursOn: false},
		{action: "preset:closed", day: dialpad.Monday, want: nil, hoursOn: true},
		{action: "preset:lunch", wantErr: true},
		{action: "add:funday_hours", wantErr: true},
		{action: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			f := start()
			err := f.doAction(tt.action)
			if tt.wantErr {
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Days[tt.day]; !slices.Equal(got, tt.want) {
				t.Errorf("%s = %q, want %q", tt.day, got, tt.want)
			}
			if f.HoursOn != tt.hoursOn {
				t.Errorf("hours on = %v", f.HoursOn)
			}
		})
	}

	t.Run("add stops at the limit", func(t *testing.T) {
		var f hoursForm
		for range editorMaxRanges + 3 {
			if err := f.doAction("add:monday_hours"); err != nil {
				t.Fatal(err)
			}
		}
		if n := len(f.Days[dialpad.Monday]); n != 2*editorMaxRanges {
			t.Errorf("%d times, want %d", n, 2*editorMaxRanges)
		}
	})
}

func TestParseHoursFormCapsRanges(t *testing.T) {
	v := url.Values{"monday_hours": make([]string, 2*editorMaxRanges+10)}
	f := parseHoursForm(v, hoursForm{})
	if len(f.Days[dialpad.Monday]) != 2*editorMaxRanges || !f.Truncated[dialpad.Monday] {
		t.Fatalf("kept %d times", len(f.Days[dialpad.Monday]))
	}
	f.validate(groupEdit{})
	if !strings.Contains(f.FieldErrors["monday_hours"], "At most 24 ranges a day") {
		t.Errorf("no message for the cut: %q", f.FieldErrors)
	}
}

func TestSavedMessage(t *testing.T) {
	tests := []struct {
		patch dialpad.Patch
		want  string
	}{
		{nil, "No changes to save — nothing was sent to Dialpad."},
		{dialpad.Patch{"monday_hours": []any{}}, "Saved Monday hours."},
		{dialpad.Patch{"ring_seconds": 20, "monday_hours": []any{}}, "Saved Monday hours and ring time."},
		{dialpad.Patch{"name": "x", "group_description": "y", "ring_seconds": 20}, "Saved name, description and ring time."},
		{dialpad.Patch{"monday_hours": nil, "friday_hours": nil}, "Saved hours for Monday and Friday."},
		{dialpad.Patch{"monday_hours": nil, "friday_hours": nil, "hours_on": true, "name": "x"},
			"Saved hours for Monday and Friday, plus business hours switch and name."},
		{dialpad.Patch{"monday_hours": nil, "tuesday_hours": nil, "wednesday_hours": nil, "thursday_hours": nil,
			"friday_hours": nil, "saturday_hours": nil, "sunday_hours": nil}, "Saved hours for every day."},
	}
	for _, tt := range tests {
		if got := savedMessage(tt.patch); got != tt.want {
			t.Errorf("savedMessage(%v) = %q, want %q", tt.patch, got, tt.want)
		}
	}
}

func TestHoursValueWords(t *testing.T) {
	tests := []struct {
		field string
		v     any
		want  string
	}{
		{"monday_hours", []any{"08:00", "12:00", "14:00", "18:00"}, "08:00–12:00, 14:00–18:00"},
		{"monday_hours", []any{}, "Closed"},
		{"monday_hours", nil, "Closed"},
		{"monday_hours", []any{"25:00"}, "25:00–?"},
		{"hours_on", true, "On"},
		{"hours_on", false, "Off (open 24/7)"},
		{"ring_seconds", json.Number("30"), "30 seconds"},
		{"ring_seconds", "30", "30 seconds"},
		{"name", "Sales", "“Sales”"},
		{"group_description", "", "(empty)"},
	}
	for _, tt := range tests {
		if got := hoursValueWords(tt.field, tt.v); got != tt.want {
			t.Errorf("hoursValueWords(%s, %v) = %q, want %q", tt.field, tt.v, got, tt.want)
		}
	}
}

// Only "take theirs" choices reach dialpad.TakeTheirs, in a stable order.
func TestTheirsChosen(t *testing.T) {
	tests := []struct {
		choices map[string]string
		want    []string
	}{
		{nil, nil},
		{map[string]string{"name": views.ConflictKeepMine}, nil},
		{map[string]string{
			"ring_seconds":              views.ConflictTakeTheirs,
			"name":                      views.ConflictKeepMine,
			"hold_queue.max_hold_count": views.ConflictTakeTheirs,
			"monday_hours":              views.ConflictTakeTheirs,
		}, []string{"hold_queue.max_hold_count", "monday_hours", "ring_seconds"}},
	}
	for _, tt := range tests {
		if got := theirsChosen(tt.choices); !slices.Equal(got, tt.want) {
			t.Errorf("theirsChosen(%v) = %q, want %q", tt.choices, got, tt.want)
		}
	}
}

func TestConflictChoices(t *testing.T) {
	got := conflictChoices(url.Values{
		"_conflict.ring_seconds": {"theirs"},
		"_conflict.name":         {"mine"},
		"_conflict.monday_hours": {"both"},
		"_conflict.":             {"mine"},
		"ring_seconds":           {"theirs"},
	})
	want := map[string]string{"ring_seconds": "theirs", "name": "mine"}
	if len(got) != len(want) || got["ring_seconds"] != "theirs" || got["name"] != "mine" {
		t.Errorf("conflictChoices = %v, want %v", got, want)
	}
}
