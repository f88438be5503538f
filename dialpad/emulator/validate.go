package emulator

import (
	"bytes"
	"encoding/json"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A schema describes the fields a request body may carry, after the spec's
// request message schemas. Validation answers the first problem found, in
// field name order, as a 400 whose message names the field.
type schema map[string]rule

type kind int

const (
	kindString kind = iota
	kindInt
	kindBool
	kindHours
	kindObject
	kindObjectList
)

type rule struct {
	kind       kind
	readOnly   bool     // present in the resource, not writable: a 400
	minLen     int      // strings, in characters
	maxLen     int      // strings, in characters; 0 = unbounded
	singleLine bool     // strings: the spec's "[single-line only]"
	notEmpty   bool     // strings
	httpURL    bool     // strings: an absolute http(s) URL
	enum       []string // strings: allowed values
	min, max   int64    // ints
	fields     schema   // objects and object lists
	required   []string // objects: keys that must be present and not null
}

func readOnly() rule { return rule{readOnly: true} }
func boolean() rule  { return rule{kind: kindBool} }
func hours() rule    { return rule{kind: kindHours} }

func text(maxLen int) rule {
	return rule{kind: kindString, maxLen: maxLen, singleLine: true}
}

func requiredText(maxLen int) rule {
	return rule{kind: kindString, maxLen: maxLen, singleLine: true, notEmpty: true}
}

func oneOf(values ...string) rule { return rule{kind: kindString, enum: values} }

func intRange(lo, hi int64) rule { return rule{kind: kindInt, min: lo, max: hi} }

func intMin(lo int64) rule { return intRange(lo, math.MaxInt64) }

func object(fields schema, required ...string) rule {
	return rule{kind: kindObject, fields: fields, required: required}
}

func objectList(fields schema) rule { return rule{kind: kindObjectList, fields: fields} }

// decodeObject parses a request body that must be a JSON object.
func decodeObject(body []byte) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&m); err != nil || m == nil {
		return nil, badRequest("request body must be a JSON object")
	}
	if dec.More() {
		return nil, badRequest("request body must be a single JSON object")
	}
	return m, nil
}

// validate checks body against s; prefix names nested fields
// ("hold_queue.max_hold_count").
func (s schema) validate(prefix string, body map[string]json.RawMessage) error {
	keys := make([]string, 0, len(body))
	for k := range body {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		field := prefix + k
		r, ok := s[k]
		if !ok {
			return badRequest("%s: unknown field", field)
		}
		if r.readOnly {
			return badRequest("%s is read-only", field)
		}
		if isNull(body[k]) {
			continue // nullable everywhere in the spec: null leaves the field as it is
		}
		if err := r.check(field, body[k]); err != nil {
			return err
		}
	}
	return nil
}

func (r rule) check(field string, raw json.RawMessage) error {
	switch r.kind {
	case kindBool:
		var b bool
		if json.Unmarshal(raw, &b) != nil {
			return badRequest("%s must be true or false", field)
		}
	case kindInt:
		n, ok := flexInt(raw)
		if !ok {
			return badRequest("%s must be an integer", field)
		}
		switch {
		case r.max == math.MaxInt64 && n < r.min:
			return badRequest("%s must be at least %d", field, r.min)
		case n < r.min || n > r.max:
			return badRequest("%s must be between %d and %d", field, r.min, r.max)
		}
	case kindString:
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return badRequest("%s must be a string", field)
		}
		return r.checkString(field, s)
	case kindHours:
		var hs []string
		if json.Unmarshal(raw, &hs) != nil {
			return badRequest(`%s must be a list of "HH:MM" strings`, field)
		}
		return validateHours(field, hs)
	case kindObject:
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return badRequest("%s must be an object", field)
		}
		for _, req := range r.required {
			if v, ok := m[req]; !ok || isNull(v) || string(v) == `""` {
				return badRequest("%s.%s is required", field, req)
			}
		}
		return r.fields.validate(field+".", m)
	case kindObjectList:
		var items []map[string]json.RawMessage
		if json.Unmarshal(raw, &items) != nil {
			return badRequest("%s must be a list of objects", field)
		}
		for i, it := range items {
			if err := r.fields.validate(field+"["+strconv.Itoa(i)+"].", it); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r rule) checkString(field, s string) error {
	n := utf8.RuneCountInString(s)
	switch {
	case r.enum != nil && !slices.Contains(r.enum, s):
		// "" is no value of any of the spec's enums: an unset optional enum
		// is left out or sent as null, never "".
		return badRequest("%s must be one of %s", field, strings.Join(r.enum, ", "))
	case r.notEmpty && strings.TrimSpace(s) == "":
		return badRequest("%s must not be empty", field)
	case r.maxLen > 0 && n > r.maxLen:
		return badRequest("%s must be at most %d characters", field, r.maxLen)
	case n < r.minLen:
		return badRequest("%s must be at least %d characters", field, r.minLen)
	case r.singleLine && strings.ContainsAny(s, "\r\n"):
		return badRequest("%s must be a single line", field)
	case r.httpURL && !isHTTPURL(s):
		return badRequest("%s must be an absolute http or https URL", field)
	}
	return nil
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}

// flexInt reads an integer sent as a JSON number or a JSON string, as
// Dialpad accepts both.
func flexInt(raw json.RawMessage) (int64, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, false
		}
		raw = []byte(s)
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	return n, err == nil
}
