package dialpad_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// centerID finds a seeded call center by name.
func centerID(t *testing.T, c *dialpad.Client, name string) dialpad.ID {
	t.Helper()
	all, err := c.CallCenters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range all {
		if cc.Name == name {
			return cc.ID
		}
	}
	t.Fatalf("no call center %q", name)
	return 0
}

// ivrNamed finds one of a target's IVRs by name.
func ivrNamed(t *testing.T, types []dialpad.CustomIVRType, name string) dialpad.CustomIVR {
	t.Helper()
	for _, ty := range types {
		for _, v := range ty.IVRs {
			if v.Name == name {
				return v
			}
		}
	}
	t.Fatalf("no IVR %q", name)
	return dialpad.CustomIVR{}
}

// writes lists the non-GET requests the emulator received as "METHOD path body".
func writes(emu *emulator.Emulator) []string {
	var out []string
	for _, r := range emu.Requests() {
		if r.Method != http.MethodGet {
			out = append(out, r.Method+" "+r.Path+" "+string(r.Body))
		}
	}
	return out
}

func TestSaveCustomIVRs(t *testing.T) {
	ctx := context.Background()
	emu, c := newEmulatorClient(t)
	sales := centerID(t, c, "Sales")
	types, err := c.CustomIVRs(ctx, dialpad.TargetCallCenter, sales)
	if err != nil {
		t.Fatal(err)
	}
	spring := ivrNamed(t, types, "Spring promotion greeting")
	standard := ivrNamed(t, types, "Standard sales greeting")
	jazz := ivrNamed(t, types, "Smooth jazz loop")
	closed := ivrNamed(t, types, "Sales after-hours message")
	base := dialpad.SelectionsOf(types)
	if !base["GREETING"].Equal(dialpad.IVRSelection{spring.ID}) || !base["HOLD_MUSIC"].Equal(dialpad.IVRSelection{jazz.ID}) {
		t.Fatalf("seeded selections %v", base)
	}
	with := func(edits map[string]dialpad.IVRSelection) dialpad.IVRSelections {
		m := dialpad.IVRSelections{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range edits {
			if v == nil {
				delete(m, k)
			} else {
				m[k] = v
			}
		}
		return m
	}
	pathOf := func(ivrType string) string { return "/api/v2/customivrs/callcenter/" + sales.String() + "/" + ivrType }

	emu.ResetRequests()
	got, err := c.SaveCustomIVRs(ctx, dialpad.TargetCallCenter, sales, base, with(nil), nil)
	if err != nil || len(got.Sent) != 0 || len(got.Changes) != 0 || len(writes(emu)) != 0 {
		t.Fatalf("unchanged save: %+v, %v; writes %q", got, err, writes(emu))
	}

	emu.ResetRequests()
	got, err = c.SaveCustomIVRs(ctx, dialpad.TargetCallCenter, sales, base, with(map[string]dialpad.IVRSelection{"GREETING": {standard.ID}, "CLOSED": nil}),
		map[string]string{"GREETING": "inbound"}) // not a recording notice: ignored
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"DELETE " + pathOf("CLOSED") + ` {"ivr_id":` + closed.ID.String() + `}`,
		"PATCH " + pathOf("GREETING") + ` {"ivr_id":` + standard.ID.String() + `}`,
	}
	// Catalogue order: greetings come before closed hours.
	slices.Reverse(want)
	if w := writes(emu); !slices.Equal(w, want) {
		t.Errorf("writes\n got %q\nwant %q", w, want)
	}
	if len(got.Sent) != 2 || got.Sent[0].IVRType != "GREETING" || !got.Sent[0].From.Equal(dialpad.IVRSelection{spring.ID}) {
		t.Errorf("sent %+v", got.Sent)
	}

	// The page was rendered before that save: greeting and closed are now
	// someone else's changes. Picking hold music default conflicts with
	// nothing and goes out alone; choosing spring again for the greeting
	// conflicts and stops everything.
	emu.ResetRequests()
	got, err = c.SaveCustomIVRs(ctx, dialpad.TargetCallCenter, sales, base, with(map[string]dialpad.IVRSelection{"GREETING": {spring.ID}, "HOLD_MUSIC": nil}), nil)
	if err != nil || len(got.Conflicts) != 0 || len(writes(emu)) != 1 {
		t.Fatalf("stale base, untouched greeting: %+v, %v, writes %q", got, err, writes(emu))
	}
	emu.ResetRequests()
	got, err = c.SaveCustomIVRs(ctx, dialpad.TargetCallCenter, sales, base, with(map[string]dialpad.IVRSelection{"GREETING": nil, "HOLD_MUSIC": nil}), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Conflicts) != 1 || got.Conflicts[0].IVRType != "GREETING" ||
		!got.Conflicts[0].Theirs.Equal(dialpad.IVRSelection{standard.ID}) || !got.Conflicts[0].Mine.IsDefault() {
		t.Errorf("conflicts %+v", got.Conflicts)
	}
	if w := writes(emu); len(w) != 0 {
		t.Errorf("a conflict sent %q", w)
	}

	// An IVR of another type is refused before anything goes out.
	fresh := dialpad.SelectionsOf(got.Current)
	emu.ResetRequests()
	// (Hold music's default above deleted the jazz loop: the greeting is
	// the valid change that must not go out either.)
	_, err = c.SaveCustomIVRs(ctx, dialpad.TargetCallCenter, sales, fresh, dialpad.IVRSelections{"GREETING": {spring.ID}, "VM_UNAVAILABLE": {spring.ID}}, nil)
	var choice *dialpad.IVRChoiceError
	if !errors.As(err, &choice) || choice.IVRType != "VM_UNAVAILABLE" {
		t.Errorf("wrong-type choice: %v", err)
	}
	if w := writes(emu); len(w) != 0 {
		t.Errorf("a refused choice sent %q", w)
	}
}

func TestSaveCustomIVRsRecordingDirection(t *testing.T) {
	ctx := context.Background()
	emu, c := newEmulatorClient(t)
	care := centerID(t, c, "UK Customer Care")
	types, err := c.CustomIVRs(ctx, dialpad.TargetCallCenter, care)
	if err != nil {
		t.Fatal(err)
	}
	in := ivrNamed(t, types, "Inbound recording notice (UK)")
	out := ivrNamed(t, types, "Outbound recording notice (UK)")
	base := dialpad.SelectionsOf(types)
	both := dialpad.IVRSelection{in.ID, out.ID}
	slices.Sort(both)
	if !base["AUTO_RECORDING"].Equal(both) {
		t.Fatalf("split selection %v", base["AUTO_RECORDING"])
	}
	emu.ResetRequests()
	mine := dialpad.IVRSelections{"GREETING": base["GREETING"], "AUTO_RECORDING": {out.ID}}
	if _, err := c.SaveCustomIVRs(ctx, dialpad.TargetCallCenter, care, base, mine, map[string]string{"AUTO_RECORDING": "inbound"}); err != nil {
		t.Fatal(err)
	}
	want := []string{"PATCH /api/v2/customivrs/callcenter/" + care.String() + `/AUTO_RECORDING {"ivr_id":` + out.ID.String() + `,"select_option":"inbound"}`}
	if w := writes(emu); !slices.Equal(w, want) {
		t.Errorf("writes\n got %q\nwant %q", w, want)
	}

	// Back to the default from a split: one DELETE per selected notice.
	emu.ResetRequests()
	split := dialpad.IVRChange{IVRType: "AUTO_RECORDING", From: both}
	if err := c.ApplyIVRChange(ctx, dialpad.TargetCallCenter, care, split); err != nil {
		t.Fatal(err)
	}
	if w := writes(emu); len(w) != 2 {
		t.Errorf("writes %q", w)
	}
	after, _ := c.CustomIVRs(ctx, dialpad.TargetCallCenter, care)
	if s := dialpad.SelectionsOf(after)["AUTO_RECORDING"]; !s.IsDefault() {
		t.Errorf("after unassigning both: %v", s)
	}
}

func TestSaveCustomIVRDetails(t *testing.T) {
	ctx := context.Background()
	emu, c := newEmulatorClient(t)
	sales := centerID(t, c, "Sales")
	types, _ := c.CustomIVRs(ctx, dialpad.TargetCallCenter, sales)
	jazz := ivrNamed(t, types, "Smooth jazz loop")

	emu.ResetRequests()
	mine := jazz
	mine.Description = "Four minutes now"
	got, err := c.SaveCustomIVRDetails(ctx, dialpad.TargetCallCenter, sales, jazz.ID, jazz, mine)
	if err != nil || !got.Sent || got.Current.Description != "Four minutes now" {
		t.Fatalf("rename: %+v, %v", got, err)
	}
	want := []string{"PATCH /api/v2/customivrs/" + jazz.ID.String() + ` {"description":"Four minutes now"}`}
	if w := writes(emu); !slices.Equal(w, want) {
		t.Errorf("writes\n got %q\nwant %q", w, want)
	}

	_, err = c.SaveCustomIVRDetails(ctx, dialpad.TargetCallCenter, sales, 1234, jazz, mine)
	if !errors.Is(err, dialpad.ErrNotFound) {
		t.Errorf("unknown IVR: %v", err)
	}
}

func TestIVRAudio(t *testing.T) {
	ctx := context.Background()
	_, c := newEmulatorClient(t)
	types, _ := c.CustomIVRs(ctx, dialpad.TargetCallCenter, centerID(t, c, "Sales"))
	audio, err := c.IVRAudio(ctx, ivrNamed(t, types, "Smooth jazz loop").ID)
	if err != nil || dialpad.SniffMP3(audio) != nil {
		t.Fatalf("audio: %d bytes, %v", len(audio), err)
	}
	if _, err := c.IVRAudio(ctx, 1234); !errors.Is(err, dialpad.ErrNotFound) {
		t.Errorf("unknown IVR: %v", err)
	}
}

func TestIVRSelectionForm(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want dialpad.IVRSelection
		ok   bool
	}{
		{"", nil, true},
		{" 12 ", dialpad.IVRSelection{12}, true},
		{"30,12", dialpad.IVRSelection{12, 30}, true},
		{"12,12", dialpad.IVRSelection{12}, true},
		{"0", nil, false},
		{"x", nil, false},
		{"12,", nil, false},
		{"-4", nil, false},
	} {
		got, err := dialpad.ParseIVRSelection(tt.in)
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ParseIVRSelection(%q) = %v, %v", tt.in, got, err)
		}
		if tt.ok {
			if again, _ := dialpad.ParseIVRSelection(got.String()); !again.Equal(got) {
				t.Errorf("%v does not survive String", got)
			}
		}
	}
	js, _ := json.Marshal(dialpad.IVRSelection{5})
	if string(js) != "[5]" {
		t.Errorf("JSON %s", js)
	}
}
