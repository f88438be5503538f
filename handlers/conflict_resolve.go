package handlers

import (
	"net/url"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// Resolving a conflict, for any form that saves through dialpad's save
// path (hours editor, routers). dialpad does the work on the resource
// (dialpad.Rebase, dialpad.TakeTheirs); this side reads the person's
// choices from the form and builds the panel that asks for them:
//
//  1. A save finds conflicts: nothing is sent. The form is re-rendered from
//     dialpad.Rebase(fresh read, the person's changes), sealed with the
//     fresh read as its new base, with views.ConflictPanelView listing
//     each conflict.
//  2. The person picks "keep mine" or "take theirs" per field and saves.
//  3. dialpad.TakeTheirs copies the fields in theirsChosen from the new
//     base into the edit, so they are no change; the fields kept are sent
//     as the person's own.

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

// theirsChosen is the fields whose choice is "take theirs", sorted, for
// dialpad.TakeTheirs.
func theirsChosen(choices map[string]string) []string {
	var fields []string
	for f, c := range choices {
		if c == views.ConflictTakeTheirs {
			fields = append(fields, f)
		}
	}
	slices.Sort(fields)
	return fields
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
	m, err := dialpad.FieldValues(mine, fields)
	if err != nil {
		return p, err
	}
	b, err := dialpad.FieldValues(base, fields)
	if err != nil {
		return p, err
	}
	for _, f := range fields {
		p.Rows = append(p.Rows, views.ConflictRow{
			Field:      f,
			Label:      label(f),
			Mine:       words(f, m[f]),
			Theirs:     words(f, b[f]),
			TakeTheirs: choices[f] == views.ConflictTakeTheirs,
		})
	}
	return p, nil
}
