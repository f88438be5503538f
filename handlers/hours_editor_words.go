package handlers

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"switchboard/dialpad"
)

// hoursFieldLabel names an editor field for the pending changes and the
// conflict panel: "Monday hours", "Ring time".
func hoursFieldLabel(field string) string {
	if d, ok := editorDayOf(field); ok {
		return d.Label() + " hours"
	}
	switch field {
	case "name":
		return "Name"
	case "group_description":
		return "Description"
	case "ring_seconds":
		return "Ring time"
	case "hours_on":
		return "Use business hours"
	}
	return field
}

// hoursValueWords words a field's JSON value (as dialpad.Change and
// dialpad.Conflict carry it): "08:00–12:00, 14:00–18:00", "Closed",
// "30 seconds", "Off (open 24/7)".
func hoursValueWords(field string, v any) string {
	if _, ok := editorDayOf(field); ok {
		return rangesWords(v)
	}
	switch field {
	case "hours_on":
		if on, _ := v.(bool); on {
			return "On"
		}
		return "Off (open 24/7)"
	case "ring_seconds":
		switch n := v.(type) {
		case json.Number:
			return n.String() + " seconds"
		case string:
			return n + " seconds"
		case nil:
			return "Not set"
		}
	case "name", "group_description":
		if s, _ := v.(string); s != "" {
			return "“" + s + "”"
		}
		return "(empty)"
	}
	if v == nil {
		return "Not set"
	}
	return fmt.Sprint(v)
}

// rangesWords words a day's flat list: "08:00–12:00, 14:00–18:00", or
// "Closed". Invalid times are shown as they are.
func rangesWords(v any) string {
	times := dayTimes(v)
	if len(times) == 0 {
		return "Closed"
	}
	var parts []string
	for _, p := range timePairs(times) {
		if p[1] == "" {
			p[1] = "?"
		}
		parts = append(parts, p[0]+"–"+p[1])
	}
	return strings.Join(parts, ", ")
}

// dayTimes reads a day's value as the diff holds it ([]any from JSON, or
// []string) as its times.
func dayTimes(v any) []string {
	var times []string
	switch l := v.(type) {
	case []any:
		for _, t := range l {
			s, _ := t.(string)
			times = append(times, s)
		}
	case []string:
		times = l
	}
	return times
}

// savedMessage is the flash after a save, naming exactly what was sent:
// "Saved Monday hours and ring time.", "Saved hours for Monday, Tuesday and
// Friday, and name." Hours come first: they are what the page is about.
func savedMessage(p dialpad.Patch) string {
	var days []string
	for _, d := range dialpad.Weekdays() {
		if _, ok := p[d.Field()]; ok {
			days = append(days, d.Label())
		}
	}
	var parts []string
	switch len(days) {
	case 0:
	case 1:
		parts = append(parts, days[0]+" hours")
	case 7:
		parts = append(parts, "hours for every day")
	default:
		parts = append(parts, "hours for "+andList(days))
	}
	for _, f := range []struct{ field, words string }{
		{"hours_on", "business hours switch"},
		{"name", "name"},
		{"group_description", "description"},
		{"ring_seconds", "ring time"},
	} {
		if _, ok := p[f.field]; ok {
			parts = append(parts, f.words)
		}
	}
	// Anything else the engine sent (not from this form) still gets named.
	known := []string{"hours_on", "name", "group_description", "ring_seconds"}
	var other []string
	for k := range p {
		if _, isDay := editorDayOf(k); !isDay && !slices.Contains(known, k) {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	parts = append(parts, other...)
	if len(parts) == 0 {
		return "No changes to save — nothing was sent to Dialpad."
	}
	if len(days) > 1 && len(parts) > 1 {
		// "hours for Monday and Friday and name" would blur the two lists.
		return "Saved " + parts[0] + ", plus " + andList(parts[1:]) + "."
	}
	return "Saved " + andList(parts) + "."
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
