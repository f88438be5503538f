package handlers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// Resolving a conflict, for any form that saves through dialpad's save
// path (hours editor, routers). The flow:
//
//  1. A save finds conflicts: nothing is sent. The form is re-rendered from
//     rebase(fresh read, the person's changes), sealed with the fresh read
//     as its new base, with views.ConflictPanelView listing each conflict.
//  2. The person picks "keep mine" or "take theirs" per field and saves.
//  3. takeTheirs copies the chosen fields from the new base into the edit,
//     so they are no change; the fields kept are sent as the person's own.

// conflictChoices reads a conflict panel's choices from a submitted form:
// field -> views.ConflictKeepMine or views.ConflictTakeTheirs. Anything
// else is ignored.
func conflictChoices(v url.Values) map[string]string {
	var out map[string]string
	for k, vals := range v {
		field, ok := strings.CutPrefix(k, views.ConflictChoicePrefix)
		if !ok || field == "" || len(vals) == 0 {
			continue
		}
		if c := vals[0]; c == views.ConflictKeepMine || c == views.ConflictTakeTheirs {
			if out == nil {
				out = map[string]string{}
			}
			out[field] = c
		}
	}
	return out
}

// takeTheirs returns mine with every field chosen as "take theirs" copied
// from base: after a conflict the base is the fresh read, so those fields
// become no change and are not sent. Fields are dotted JSON paths
// ("hold_queue.max_hold_count"), as dialpad.Conflict names them.
func takeTheirs[T any](mine, base T, choices map[string]string) (T, error) {
	var fields []string
	for f, c := range choices {
		if c == views.ConflictTakeTheirs {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return mine, nil
	}
	m, err := jsonTree(mine)
	if err != nil {
		return mine, err
	}
	b, err := jsonTree(base)
	if err != nil {
		return mine, err
	}
	for _, f := range fields {
		path := strings.Split(f, ".")
		treeSet(m, path, treeGet(b, path))
	}
	return fromJSONTree[T](m)
}

// rebase is theirs with the person's changes on top: what a form shows
// after a conflict. Resubmitted against theirs as its base, it sends only
// the person's own edits and keeps what changed upstream meanwhile.
func rebase[T any](theirs T, changes []dialpad.Change) (T, error) {
	p := map[string]any{}
	for _, c := range changes {
		treeSet(p, strings.Split(c.Field, "."), c.New)
	}
	return dialpad.ApplyPatch(theirs, p)
}

// conflictPanel builds the panel for fields (in the order given): "Your
// value" from mine, "Current value in Dialpad" from base, worded by words;
// a field whose choice is "take theirs" shows that option selected.
func conflictPanel[T any](kind string, fields []string, choices map[string]string, mine, base T,
	label func(field string) string, words func(field string, v any) string) (views.ConflictPanel, error) {
	p := views.ConflictPanel{Kind: kind}
	if len(fields) == 0 {
		return p, nil
	}
	m, err := jsonTree(mine)
	if err != nil {
		return p, err
	}
	b, err := jsonTree(base)
	if err != nil {
		return p, err
	}
	for _, f := range fields {
		path := strings.Split(f, ".")
		p.Rows = append(p.Rows, views.ConflictRow{
			Field:      f,
			Label:      label(f),
			Mine:       words(f, treeGet(m, path)),
			Theirs:     words(f, treeGet(b, path)),
			TakeTheirs: choices[f] == views.ConflictTakeTheirs,
		})
	}
	return p, nil
}

// jsonTree is v's JSON as a generic object, numbers kept as json.Number
// (the form dialpad.Change and dialpad.Conflict values take).
func jsonTree(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("handlers: encoding %T: %w", v, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, fmt.Errorf("handlers: decoding %T: %w", v, err)
	}
	if obj == nil {
		obj = map[string]any{}
	}
	return obj, nil
}

func fromJSONTree[T any](obj map[string]any) (T, error) {
	var out T
	b, err := json.Marshal(obj)
	if err != nil {
		return out, fmt.Errorf("handlers: encoding %T: %w", out, err)
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return out, fmt.Errorf("handlers: decoding %T: %w", out, err)
	}
	return out, nil
}

// treeGet is the value at path, or nil.
func treeGet(obj map[string]any, path []string) any {
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

// treeSet sets the value at path, creating objects on the way.
func treeSet(obj map[string]any, path []string, v any) {
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
