package dialpad

import (
	"fmt"
	"slices"
	"strings"
)

// IVRSelection is what one IVR type of a target plays: the ids of the
// selected IVRs, sorted. Empty means Dialpad's default recording. A call
// center may select one recording notice for inbound and another for
// outbound calls, so a recording type can hold two.
type IVRSelection []ID

// IsDefault reports that no custom IVR is selected.
func (s IVRSelection) IsDefault() bool { return len(s) == 0 }

// Equal compares two selections; nil and empty are both the default.
func (s IVRSelection) Equal(o IVRSelection) bool { return slices.Equal(s, o) }

// String is the selection as a form value: "" for the default, the id, or
// the ids joined by commas.
func (s IVRSelection) String() string {
	parts := make([]string, len(s))
	for i, id := range s {
		parts[i] = id.String()
	}
	return strings.Join(parts, ",")
}

// ParseIVRSelection reads a form value written by String.
func ParseIVRSelection(v string) (IVRSelection, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}
	var s IVRSelection
	for part := range strings.SplitSeq(v, ",") {
		id, err := ParseID(strings.TrimSpace(part))
		if err != nil || id == 0 {
			return nil, fmt.Errorf("dialpad: %q is not an IVR selection", v)
		}
		s = append(s, id)
	}
	slices.Sort(s)
	return slices.Compact(s), nil
}

// IVRSelections maps an ivr_type to its selection. A type that is absent
// plays Dialpad's default.
type IVRSelections map[string]IVRSelection

// SelectionsOf reads which IVRs a target selects, from GET /customivrs.
func SelectionsOf(types []CustomIVRType) IVRSelections {
	out := IVRSelections{}
	for _, t := range types {
		var s IVRSelection
		for _, v := range t.IVRs {
			if v.Selected {
				s = append(s, v.ID)
			}
		}
		if len(s) > 0 {
			slices.Sort(s)
			out[t.IVRType] = s
		}
	}
	return out
}

// FindCustomIVR finds an IVR by id in a target's list, with its type.
func FindCustomIVR(types []CustomIVRType, id ID) (CustomIVR, string, bool) {
	for _, t := range types {
		for _, v := range t.IVRs {
			if v.ID == id {
				return v, t.IVRType, true
			}
		}
	}
	return CustomIVR{}, "", false
}

// ivrsOfType returns the IVRs of one type in a target's list.
func ivrsOfType(types []CustomIVRType, ivrType string) []CustomIVR {
	for _, t := range types {
		if t.IVRType == ivrType {
			return t.IVRs
		}
	}
	return nil
}

// selectionFields lists the types any of the selections names, catalogue
// types first in catalogue order, then types the catalogue does not know.
func selectionFields(all ...IVRSelections) []string {
	var extra []string
	seen := map[string]bool{}
	for _, s := range all {
		for t := range s {
			seen[t] = true
		}
	}
	var out []string
	for _, name := range IVRTypeNames() {
		if seen[name] {
			out = append(out, name)
			delete(seen, name)
		}
	}
	for t := range seen {
		extra = append(extra, t)
	}
	slices.Sort(extra)
	return append(out, extra...)
}
