package dialpad

import (
	"fmt"
	"strings"
)

// Resolving a conflict. A save that finds conflicts sends nothing; the
// form comes back as Rebase(fresh read, the person's changes), with the
// fresh read as its new base. The person then picks per field: the fields
// where they take Dialpad's value go through TakeTheirs, so they are no
// change against the new base and are not sent; the fields they keep are
// sent as their own edits. Fields are dotted JSON paths, as Change and
// Conflict name them ("hold_queue.max_hold_count").

// TakeTheirs returns mine with each of fields copied from base. A field
// base does not have is cleared in mine.
func TakeTheirs[T any](mine, base T, fields []string) (T, error) {
	if len(fields) == 0 {
		return mine, nil
	}
	m, err := toObject(mine)
	if err != nil {
		return mine, fmt.Errorf("dialpad: take theirs: %w", err)
	}
	b, err := toObject(base)
	if err != nil {
		return mine, fmt.Errorf("dialpad: take theirs: %w", err)
	}
	for _, f := range fields {
		if f == "" {
			continue
		}
		path := strings.Split(f, ".")
		setPath(m, path, getPath(b, path))
	}
	out, err := fromObject[T](m)
	if err != nil {
		return mine, fmt.Errorf("dialpad: take theirs: %w", err)
	}
	return out, nil
}

// Rebase is theirs with changes on top: the person's edit moved onto a
// fresh read. Diffed against theirs as its base, it holds exactly the
// person's changes, and whatever changed upstream meanwhile is kept.
func Rebase[T any](theirs T, changes []Change) (T, error) {
	p := Patch{}
	for _, c := range changes {
		if c.Field != "" {
			setPath(p, strings.Split(c.Field, "."), c.New)
		}
	}
	return ApplyPatch(theirs, p)
}

// FieldValues reads fields out of v, as JSON values in the form Change and
// Conflict carry them (numbers as json.Number, lists as []any); a field v
// does not have is nil. A conflict panel words them for people.
func FieldValues[T any](v T, fields []string) (map[string]any, error) {
	obj, err := toObject(v)
	if err != nil {
		return nil, fmt.Errorf("dialpad: field values: %w", err)
	}
	out := make(map[string]any, len(fields))
	for _, f := range fields {
		out[f] = getPath(obj, strings.Split(f, "."))
	}
	return out, nil
}
