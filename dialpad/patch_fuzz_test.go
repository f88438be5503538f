package dialpad

import (
	"strings"
	"testing"
)

// fuzzBytes hands out fuzz input a byte at a time; zeros once it runs out.
type fuzzBytes []byte

func (f *fuzzBytes) next() byte {
	if len(*f) == 0 {
		return 0
	}
	b := (*f)[0]
	*f = (*f)[1:]
	return b
}

// fuzzPick returns one of the options; small pools make both sides land on the
// same value often, which is where the interesting cases are.
func fuzzPick[T any](f *fuzzBytes, options ...T) T { return options[int(f.next())%len(options)] }

func fuzzHours(f *fuzzBytes) []string {
	return fuzzPick(f,
		nil, []string{}, []string{"08:00", "18:00"}, []string{"09:00", "17:00"},
		[]string{"08:00", "12:00", "13:00", "18:00"}, []string{"00:00", "24:00"})
}

func fuzzHoldQueue(f *fuzzBytes) *HoldQueue {
	if f.next()%5 == 0 {
		return nil
	}
	return &HoldQueue{
		MaxHoldCount:     fuzzPick[Int](f, 0, 5, 50),
		MaxHoldSeconds:   fuzzPick[Int](f, 30, 900),
		AnnouncePosition: f.next()%2 == 0,
	}
}

// fuzzEdit changes some of cc's fields, each with probability about 1/2.
func fuzzEdit(f *fuzzBytes, cc *CallCenter) {
	if f.next()%2 == 0 {
		cc.Name = fuzzPick(f, "Support", "Sales", "")
	}
	if f.next()%2 == 0 {
		cc.RingSeconds = fuzzPick[Int](f, 10, 30, 45)
	}
	if f.next()%2 == 0 {
		cc.HoursOn = !cc.HoursOn
	}
	for _, d := range []Weekday{Monday, Friday, Sunday} {
		if f.next()%2 == 0 {
			cc.SetDay(d, fuzzHours(f))
		}
	}
	if f.next()%2 == 0 {
		cc.State = fuzzPick(f, "active", "deleted")
	}
	switch f.next() % 4 {
	case 0:
		cc.HoldQueue = fuzzHoldQueue(f)
	case 1:
		if cc.HoldQueue != nil {
			cc.HoldQueue.MaxHoldCount = fuzzPick[Int](f, 0, 5, 50)
		}
	}
}

// fuzzProbes read every field the fuzzer edits, as comparable values. Nil
// and empty hour lists read the same, as they do for Dialpad.
func fuzzProbes() map[string]func(CallCenter) any {
	hq := func(get func(*HoldQueue) any) func(CallCenter) any {
		return func(cc CallCenter) any {
			if cc.HoldQueue == nil {
				return "<absent>"
			}
			return get(cc.HoldQueue)
		}
	}
	p := map[string]func(CallCenter) any{
		"name":                         func(cc CallCenter) any { return cc.Name },
		"ring_seconds":                 func(cc CallCenter) any { return cc.RingSeconds },
		"hours_on":                     func(cc CallCenter) any { return cc.HoursOn },
		"hold_queue.max_hold_count":    hq(func(h *HoldQueue) any { return h.MaxHoldCount }),
		"hold_queue.max_hold_seconds":  hq(func(h *HoldQueue) any { return h.MaxHoldSeconds }),
		"hold_queue.announce_position": hq(func(h *HoldQueue) any { return h.AnnouncePosition }),
	}
	for _, d := range Weekdays() {
		p[d.Field()] = func(cc CallCenter) any { return strings.Join(cc.Day(d), ",") }
	}
	return p
}

func FuzzComputePatch(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 0, 0, 1, 2, 3, 1, 0, 4, 1, 1, 1, 0, 2})
	f.Add([]byte{7, 3, 0, 0, 1, 1, 0, 5, 1, 1, 0, 2, 0, 1, 0, 0, 0, 2, 0, 1, 0, 1, 3, 9, 9, 0, 1, 2, 0, 0, 1})
	f.Add([]byte("the quick brown fox jumps over the lazy dog, twice over the lazy dog"))
	probes := fuzzProbes()
	spec := CallCenterPatchSpec()

	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzBytes(data)
		base := CallCenter{ID: 1, Name: "Support", RingSeconds: 30, State: "active", HoldQueue: fuzzHoldQueue(&in)}
		base.HoursOn = in.next()%2 == 0
		base.MondayHours = fuzzHours(&in)
		base.FridayHours = fuzzHours(&in)
		mine, theirs := cloneCallCenter(t, base), cloneCallCenter(t, base)
		fuzzEdit(&in, &mine)
		fuzzEdit(&in, &theirs)

		d, err := ComputePatch(base, mine, theirs, spec)
		if err != nil {
			t.Fatal(err)
		}
		changedByMine := func(name string, probe func(CallCenter) any) bool {
			// A hold queue mine dropped is "not set", not a change.
			if mine.HoldQueue == nil && strings.HasPrefix(name, "hold_queue.") {
				return false
			}
			return probe(mine) != probe(base)
		}
		var wantConflicts []string
		for name, probe := range probes {
			if changedByMine(name, probe) && probe(theirs) != probe(base) && probe(theirs) != probe(mine) {
				wantConflicts = append(wantConflicts, name)
			}
		}
		if d.HasConflicts() != (len(wantConflicts) > 0) {
			t.Fatalf("conflicts %v, want conflicts on %v", d.Conflicts, wantConflicts)
		}
		if d.HasConflicts() {
			if d.Patch != nil {
				t.Fatalf("conflicts %v but patch %v", d.Conflicts, d.Patch)
			}
			return
		}
		got, err := ApplyPatch(theirs, d.Patch)
		if err != nil {
			t.Fatal(err)
		}
		for name, probe := range probes {
			want, from := probe(theirs), "theirs"
			if changedByMine(name, probe) {
				want, from = probe(mine), "mine"
			}
			if probe(got) != want {
				t.Errorf("%s = %v after patch, want %v (%s)\nbase   %+v\nmine   %+v\ntheirs %+v\npatch  %v",
					name, probe(got), want, from, base, mine, theirs, d.Patch)
			}
		}
		if got.State != theirs.State || got.ID != theirs.ID {
			t.Errorf("fields outside the spec changed: %+v", got)
		}
	})
}
