package dialpad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Patch is a JSON-ready PATCH body: the spec's top-level field names, nested
// maps for nested objects. Values keep the model's JSON form; numbers are
// json.Number, which encodes as a JSON number.
type Patch map[string]any

// Change is one leaf the person changed against the base. Field is dotted
// for nested objects ("hold_queue.max_hold_count").
type Change struct {
	Field    string
	Old, New any
}

// Conflict is one leaf the person and someone else both changed, to
// different values, since the form was rendered.
type Conflict struct {
	Field              string
	Base, Mine, Theirs any
}

// Diff is the outcome of a three-way comparison. Changes lists everything
// the person changed against the base, sent or not; Patch is what to send
// (nil when there is a conflict or nothing to send).
type Diff struct {
	Patch     Patch
	Changes   []Change
	Conflicts []Conflict
}

// HasConflicts reports that nothing may be sent until the person decides.
func (d Diff) HasConflicts() bool { return len(d.Conflicts) > 0 }

// ComputePatch compares base (what the form was rendered from), mine (the
// person's edit) and theirs (a fresh read) over the JSON encodings of the
// three, limited to spec.Fields. Objects are compared leaf by leaf; arrays
// and scalars are atomic. A leaf is sent when mine changed it and theirs did
// not; a leaf both changed alike is not sent; a leaf both changed differently
// is a conflict, and any conflict empties the whole patch.
//
// Null and absent are one value. For arrays null also equals []; a null
// object or scalar in mine means "not set", which Dialpad reads as "leave as
// is", so it is never a change. Numbers compare numerically, and a string
// holding a number equals that number, as Dialpad sends integers as strings.
// Free text (spec.Lines, spec.Texts) is normalised on all three sides
// first, and sent normalised.
func ComputePatch[T any](base, mine, theirs T, spec PatchSpec) (Diff, error) {
	bj, err := encodeObject(base)
	if err != nil {
		return Diff{}, fmt.Errorf("dialpad: patch base: %w", err)
	}
	mj, err := encodeObject(mine)
	if err != nil {
		return Diff{}, fmt.Errorf("dialpad: patch mine: %w", err)
	}
	tj, err := encodeObject(theirs)
	if err != nil {
		return Diff{}, fmt.Errorf("dialpad: patch theirs: %w", err)
	}
	if bytes.Equal(bj, mj) {
		// Mine is the base, byte for byte: no change, whatever theirs is.
		return Diff{}, nil
	}
	b, m, t := rawFields(bj), rawFields(mj), rawFields(tj)

	// merged is the resource as it will be after the PATCH: theirs with my
	// changes on top, for the fields walked. Required siblings come from
	// it, so sending them does not undo a change made upstream meanwhile.
	merged, edited := map[string]any{}, map[string]any{}
	var d differ
	for _, f := range spec.Fields {
		// The same encoding is the same value: a field mine left alone
		// cannot hold a change, so it is not decoded at all. Most fields
		// of most saves take this path.
		if bytes.Equal(b[f], m[f]) {
			continue
		}
		norm := spec.normalizer(f)
		bv := normalized(decodeValue(b[f]), norm)
		mv, tv := normalized(decodeValue(m[f]), norm), normalized(decodeValue(t[f]), norm)
		merged[f], edited[f] = tv, mv
		d.walk([]string{f}, bv, mv, tv)
	}
	if len(d.conflicts) > 0 {
		return Diff{Changes: d.changes, Conflicts: d.conflicts}, nil
	}
	if len(d.sent) == 0 {
		return Diff{Changes: d.changes}, nil
	}

	patch := Patch{}
	for _, l := range d.sent {
		setPath(merged, l.path, l.value)
		setPath(patch, l.path, l.value)
	}
	for _, l := range d.sent {
		addRequired(patch, l.path, spec.Required, merged, edited)
	}
	return Diff{Patch: patch, Changes: d.changes}, nil
}

type leaf struct {
	path  []string
	value any
}

type differ struct {
	changes   []Change
	conflicts []Conflict
	sent      []leaf
}

func (d *differ) walk(path []string, b, m, t any) {
	bm, bIsMap := b.(map[string]any)
	if mm, ok := m.(map[string]any); ok && (bIsMap || b == nil) {
		tm, _ := t.(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(mm)) {
			d.walk(append(path[:len(path):len(path)], k), bm[k], mm[k], tm[k])
		}
		return
	}
	if m == nil {
		if !isArray(b) && !isArray(t) {
			return
		}
		m = []any{}
	}
	if equal(m, b) {
		return
	}
	if b == nil && isArray(m) {
		b = []any{}
	}
	field := strings.Join(path, ".")
	d.changes = append(d.changes, Change{Field: field, Old: b, New: m})
	switch {
	case equal(t, b):
		d.sent = append(d.sent, leaf{path: path, value: m})
	case equal(t, m):
		// Both made the same change: nothing to send.
	default:
		d.conflicts = append(d.conflicts, Conflict{Field: field, Base: b, Mine: m, Theirs: t})
	}
}

// addRequired adds, for every object on the way to a sent leaf, the sibling
// keys the spec requires whenever that object is sent.
func addRequired(patch Patch, path []string, required map[string][]string, merged, mine map[string]any) {
	for i := 1; i < len(path); i++ {
		keys := required[strings.Join(path[:i], ".")]
		if len(keys) == 0 {
			continue
		}
		obj, ok := getPath(patch, path[:i]).(map[string]any)
		if !ok {
			continue
		}
		for _, k := range keys {
			if _, present := obj[k]; present {
				continue
			}
			sibling := append(path[:i:i], k)
			v := getPath(merged, sibling)
			if v == nil {
				v = getPath(mine, sibling)
			}
			if v != nil {
				obj[k] = v
			}
		}
	}
}

func getPath(obj map[string]any, path []string) any {
	var v any = obj
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// setPath sets obj at path, creating (or replacing non-object) parents.
func setPath(obj map[string]any, path []string, v any) {
	for _, k := range path[:len(path)-1] {
		next, ok := obj[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			obj[k] = next
		}
		obj = next
	}
	obj[path[len(path)-1]] = v
}

func isArray(v any) bool {
	_, ok := v.([]any)
	return ok
}

// isEmpty is true for null, [] and objects holding only empty values.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case []any:
		return len(x) == 0
	case map[string]any:
		for _, e := range x {
			if !isEmpty(e) {
				return false
			}
		}
		return true
	}
	return false
}

// equal compares two decoded JSON values under the rules ComputePatch
// documents.
func equal(a, b any) bool {
	if isEmpty(a) || isEmpty(b) {
		return isEmpty(a) && isEmpty(b)
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range x {
			if !equal(v, y[k]) {
				return false
			}
		}
		for k, v := range y {
			if _, seen := x[k]; !seen && !isEmpty(v) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		return numberEqual(string(x), b)
	case string:
		if n, ok := b.(json.Number); ok {
			return numberEqual(string(n), x)
		}
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	}
	return false
}

// numberEqual compares the number a with b: another json.Number, or a
// string holding an integer (Dialpad's form for integers).
func numberEqual(a string, b any) bool {
	switch y := b.(type) {
	case json.Number:
		if a == string(y) {
			return true
		}
		if x, err := strconv.ParseInt(a, 10, 64); err == nil {
			if z, err := strconv.ParseInt(string(y), 10, 64); err == nil {
				return x == z
			}
		}
		x, err1 := strconv.ParseFloat(a, 64)
		z, err2 := strconv.ParseFloat(string(y), 64)
		return err1 == nil && err2 == nil && x == z
	case string:
		z, err := strconv.ParseInt(y, 10, 64)
		if err != nil {
			return false
		}
		if x, err := strconv.ParseInt(a, 10, 64); err == nil {
			return x == z
		}
		x, err := strconv.ParseFloat(a, 64)
		return err == nil && x == float64(z)
	}
	return false
}
