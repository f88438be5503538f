package dialpad

import "strings"

// IVRCopySkip says why a type cannot be copied to a target.
type IVRCopySkip string

const (
	// CopyNoMatch: the target has no IVR of that type with the source's
	// IVR's name. IVRs belong to one target, so a copy selects the target's
	// own recording of the same name; without one there is nothing to select.
	CopyNoMatch IVRCopySkip = "no_match"
	// CopySplit: the source plays one recording notice for inbound and
	// another for outbound calls, and the API does not say which is which.
	CopySplit IVRCopySkip = "split"
	// CopyKeepCustom: the source plays Dialpad's default where the target
	// plays a custom recording. Going back to the default is a DELETE, which
	// deletes the target's recording in Dialpad, so a copy leaves it alone.
	CopyKeepCustom IVRCopySkip = "keep_custom"
)

// IVRCopyStep is one type of one target in a copy: the change that makes
// the target play what the source plays, or why it cannot.
type IVRCopyStep struct {
	IVRChange              // From: the target's selection now; To: the target's own IVR, or the default
	SourceName string      // name of the source's selected IVR ("" for the default)
	Skip       IVRCopySkip // "" when the change can be applied
}

// PlanIVRCopy compares a source's IVR assignments with a target's and lists,
// in catalogue order, each type where the target differs: where the source
// selects an IVR, the target's IVR of the same type and name (ignoring case
// and surrounding spaces) is selected; where it plays Dialpad's default and
// the target a custom recording, the step is skipped (CopyKeepCustom): a
// copy only assigns and never deletes. Types that already match are left
// out, so applying the plan sends only what differs.
func PlanIVRCopy(source, target []CustomIVRType) []IVRCopyStep {
	src, dst := SelectionsOf(source), SelectionsOf(target)
	var out []IVRCopyStep
	for _, t := range selectionFields(src, dst) {
		from := dst[t]
		switch want := src[t]; len(want) {
		case 0:
			if !from.IsDefault() {
				out = append(out, IVRCopyStep{IVRChange: IVRChange{IVRType: t, From: from, To: from}, Skip: CopyKeepCustom})
			}
		case 1:
			v, _, _ := FindCustomIVR(source, want[0])
			match, ok := namedIVR(ivrsOfType(target, t), v.Name)
			switch {
			case ok && from.Equal(IVRSelection{match}):
			case ok:
				out = append(out, IVRCopyStep{IVRChange: IVRChange{IVRType: t, From: from, To: IVRSelection{match}}, SourceName: v.Name})
			default:
				out = append(out, IVRCopyStep{IVRChange: IVRChange{IVRType: t, From: from}, SourceName: v.Name, Skip: CopyNoMatch})
			}
		default:
			if !sameNames(source, want, target, from) {
				out = append(out, IVRCopyStep{IVRChange: IVRChange{IVRType: t, From: from}, Skip: CopySplit})
			}
		}
	}
	return out
}

// namedIVR finds the IVR called name; with several, the oldest id, so the
// choice does not change between preview and apply.
func namedIVR(ivrs []CustomIVR, name string) (ID, bool) {
	key := nameKey(name)
	var best ID
	for _, v := range ivrs {
		if nameKey(v.Name) == key && (best == 0 || v.ID < best) {
			best = v.ID
		}
	}
	return best, best != 0
}

// sameNames reports that two selections pick IVRs of the same names.
func sameNames(a []CustomIVRType, as IVRSelection, b []CustomIVRType, bs IVRSelection) bool {
	if len(as) != len(bs) {
		return false
	}
	names := map[string]int{}
	for _, id := range as {
		v, _, _ := FindCustomIVR(a, id)
		names[nameKey(v.Name)]++
	}
	for _, id := range bs {
		v, _, _ := FindCustomIVR(b, id)
		k := nameKey(v.Name)
		if names[k] == 0 {
			return false
		}
		names[k]--
	}
	return true
}

func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
