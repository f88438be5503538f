package dialpad

import "strings"

// SentChanges is the part of Changes that went out in Patch: the person's
// changes minus those Dialpad already had (both sides made the same
// change). Empty when nothing is to be sent (a conflict, no change).
func (d Diff) SentChanges() []Change {
	var out []Change
	for _, c := range d.Changes {
		if inPatch(d.Patch, strings.Split(c.Field, ".")) {
			out = append(out, c)
		}
	}
	return out
}

// inPatch reports whether p holds a value at path.
func inPatch(p Patch, path []string) bool {
	var v any = map[string]any(p)
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return false
		}
		if v, ok = m[k]; !ok {
			return false
		}
	}
	return true
}
