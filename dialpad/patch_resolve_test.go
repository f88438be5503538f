package dialpad

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestTakeTheirs(t *testing.T) {
	base := fullCallCenter()
	edit := func(fn func(*CallCenter)) CallCenter {
		cc := cloneCallCenter(t, base)
		fn(&cc)
		return cc
	}
	mine := edit(func(cc *CallCenter) {
		cc.Name = "Support EMEA (escalations)"
		cc.RingSeconds = 20
		cc.MondayHours = []string{"07:00", "19:00"}
		cc.HoldQueue.MaxHoldCount = 99
		cc.HoldQueue.MaxHoldSeconds = 60
	})
	tests := []struct {
		name   string
		fields []string
		want   CallCenter
	}{
		{
			name:   "no field keeps mine as it is",
			fields: nil,
			want:   mine,
		},
		{
			name:   "top-level scalars and lists",
			fields: []string{"ring_seconds", "monday_hours"},
			want: edit(func(cc *CallCenter) {
				cc.Name = "Support EMEA (escalations)"
				cc.HoldQueue.MaxHoldCount = 99
				cc.HoldQueue.MaxHoldSeconds = 60
			}),
		},
		{
			name:   "a nested leaf, its siblings kept mine",
			fields: []string{"hold_queue.max_hold_count"},
			want: edit(func(cc *CallCenter) {
				cc.Name = "Support EMEA (escalations)"
				cc.RingSeconds = 20
				cc.MondayHours = []string{"07:00", "19:00"}
				cc.HoldQueue.MaxHoldSeconds = 60
			}),
		},
		{
			name:   "every changed field gives back the base",
			fields: []string{"name", "ring_seconds", "monday_hours", "hold_queue.max_hold_count", "hold_queue.max_hold_seconds"},
			want:   base,
		},
		{
			name:   "blank field names are ignored",
			fields: []string{""},
			want:   mine,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := TakeTheirs(mine, base, tt.fields)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cloneCallCenter(t, got), cloneCallCenter(t, tt.want)) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			// The fields taken are no change against the base any more.
			d, err := ComputePatch(base, got, base, CallCenterPatchSpec())
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range d.Changes {
				for _, f := range tt.fields {
					if c.Field == f {
						t.Errorf("%s is still a change after taking theirs", f)
					}
				}
			}
		})
	}

	t.Run("a field the base lacks is cleared", func(t *testing.T) {
		noQueue := edit(func(cc *CallCenter) { cc.HoldQueue = nil })
		got, err := TakeTheirs(mine, noQueue, []string{"hold_queue.max_hold_count"})
		if err != nil {
			t.Fatal(err)
		}
		if got.HoldQueue == nil || got.HoldQueue.MaxHoldCount != 0 || got.HoldQueue.MaxHoldSeconds != 60 {
			t.Errorf("hold queue = %+v, want max_hold_count cleared and the rest mine", got.HoldQueue)
		}
	})
	t.Run("not an object", func(t *testing.T) {
		if _, err := TakeTheirs(1, 2, []string{"x"}); err == nil {
			t.Error("ints: want an error")
		}
	})
}

func TestRebase(t *testing.T) {
	base := fullCallCenter()
	mine := cloneCallCenter(t, base)
	mine.Name = "Support EMEA (escalations)"
	mine.MondayHours = []string{"07:00", "11:00", "13:00", "19:00"}
	mine.HoldQueue.MaxHoldCount = 99
	mine.RoutingOptions.Open.OperatorRouting = "simultaneous"

	tests := []struct {
		name   string
		theirs func(*CallCenter)
	}{
		{"theirs unchanged", func(*CallCenter) {}},
		{"theirs changed other fields", func(cc *CallCenter) {
			cc.RingSeconds = 42
			cc.TuesdayHours = []string{"10:00", "16:00"}
			cc.HoldQueue.MaxHoldSeconds = 60
		}},
		{"theirs changed the same fields", func(cc *CallCenter) {
			cc.Name = "Support Europe"
			cc.MondayHours = []string{"10:00", "16:00"}
			cc.HoldQueue.MaxHoldCount = 5
		}},
		{"theirs dropped a nested object mine changed", func(cc *CallCenter) { cc.HoldQueue = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ComputePatch(base, mine, base, CallCenterPatchSpec())
			if err != nil {
				t.Fatal(err)
			}
			theirs := cloneCallCenter(t, base)
			tt.theirs(&theirs)

			got, err := Rebase(theirs, d.Changes)
			if err != nil {
				t.Fatal(err)
			}
			// Against theirs as its new base, the rebased edit holds exactly
			// the person's changes, and theirs' own changes are kept.
			again, err := ComputePatch(theirs, got, theirs, CallCenterPatchSpec())
			if err != nil {
				t.Fatal(err)
			}
			want, err := ApplyPatch(theirs, again.Patch)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cloneCallCenter(t, got), cloneCallCenter(t, want)) {
				t.Errorf("rebased edit is not theirs plus its own patch:\n got  %+v\n want %+v", got, want)
			}
			if got.Name != mine.Name || !reflect.DeepEqual(got.MondayHours, mine.MondayHours) ||
				got.HoldQueue == nil || got.HoldQueue.MaxHoldCount != 99 ||
				got.RoutingOptions.Open.OperatorRouting != "simultaneous" {
				t.Errorf("the person's changes were lost: %+v", got)
			}
			if got.RingSeconds != theirs.RingSeconds || !reflect.DeepEqual(got.TuesdayHours, theirs.TuesdayHours) {
				t.Errorf("upstream changes were lost: ring %d, Tuesday %q", got.RingSeconds, got.TuesdayHours)
			}
			if theirs.HoldQueue != nil && got.HoldQueue.MaxHoldSeconds != theirs.HoldQueue.MaxHoldSeconds {
				t.Errorf("upstream max_hold_seconds %d became %d", theirs.HoldQueue.MaxHoldSeconds, got.HoldQueue.MaxHoldSeconds)
			}
		})
	}
}

func TestFieldValues(t *testing.T) {
	cc := fullCallCenter()
	got, err := FieldValues(cc, []string{"name", "ring_seconds", "friday_hours", "hold_queue.max_hold_count", "sunday_hours", "no_such.field"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"name":                      "Support EMEA",
		"ring_seconds":              json.Number("30"),
		"friday_hours":              []any{"08:00", "12:00", "13:00", "17:00"},
		"hold_queue.max_hold_count": json.Number("50"),
		"sunday_hours":              nil,
		"no_such.field":             nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
	if _, err := FieldValues("text", []string{"name"}); err == nil {
		t.Error("a string: want an error")
	}
}
