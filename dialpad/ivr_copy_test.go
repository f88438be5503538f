package dialpad

import (
	"reflect"
	"testing"
)

func TestPlanIVRCopy(t *testing.T) {
	ivr := func(id ID, name string, selected bool) CustomIVR {
		return CustomIVR{ID: id, Name: name, Selected: selected}
	}
	source := []CustomIVRType{
		{IVRType: "GREETING", IVRs: []CustomIVR{ivr(1, "Main greeting", true)}},
		{IVRType: "HOLD_MUSIC", IVRs: []CustomIVR{ivr(2, "Jazz", true)}},
		{IVRType: "CLOSED", IVRs: []CustomIVR{ivr(3, "Closed", false)}},
		{IVRType: "MENU", IVRs: []CustomIVR{ivr(4, "Menu", true)}},
		{IVRType: "AUTO_RECORDING", IVRs: []CustomIVR{ivr(5, "In", true), ivr(6, "Out", true)}},
	}
	target := []CustomIVRType{
		// Same name, other case and spacing: already selected, nothing to do.
		{IVRType: "GREETING", IVRs: []CustomIVR{ivr(11, " main GREETING ", true)}},
		// A recording of the same name exists but is not selected; two of
		// them: the oldest id wins.
		{IVRType: "HOLD_MUSIC", IVRs: []CustomIVR{ivr(14, "Jazz", false), ivr(12, "Jazz", false), ivr(13, "Rock", true)}},
		// The source plays the default: the target keeps its own recording,
		// since going back to the default would delete it.
		{IVRType: "CLOSED", IVRs: []CustomIVR{ivr(15, "Closed", true)}},
		// No recording of that name: skipped.
		{IVRType: "MENU", IVRs: []CustomIVR{ivr(16, "Other menu", false)}},
		{IVRType: "AUTO_RECORDING", IVRs: []CustomIVR{ivr(17, "In", true)}},
	}
	want := []IVRCopyStep{
		{IVRChange: IVRChange{IVRType: "MENU"}, SourceName: "Menu", Skip: CopyNoMatch},
		{IVRChange: IVRChange{IVRType: "CLOSED", From: IVRSelection{15}, To: IVRSelection{15}}, Skip: CopyKeepCustom},
		{IVRChange: IVRChange{IVRType: "HOLD_MUSIC", From: IVRSelection{13}, To: IVRSelection{12}}, SourceName: "Jazz"},
		{IVRChange: IVRChange{IVRType: "AUTO_RECORDING", From: IVRSelection{17}}, Skip: CopySplit},
	}
	if got := PlanIVRCopy(source, target); !reflect.DeepEqual(got, want) {
		t.Errorf("plan\n got %+v\nwant %+v", got, want)
	}
	if got := PlanIVRCopy(source, source); len(got) != 0 {
		t.Errorf("copying onto itself plans %+v", got)
	}
	// Whatever the source and target, a step to apply selects one IVR:
	// a copy never takes a type back to the default.
	for _, pair := range [][2][]CustomIVRType{{source, target}, {target, source}, {nil, target}, {target, nil}} {
		for _, step := range PlanIVRCopy(pair[0], pair[1]) {
			if step.Skip == "" && len(step.To) != 1 {
				t.Errorf("copy step %+v does not select one IVR", step)
			}
		}
	}
}
