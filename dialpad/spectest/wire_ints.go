package spectest

import (
	"regexp"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// Dialpad answers with every int64 as a decimal string ("id": "1002",
// "ring_seconds": "30"): protobuf's JSON mapping, and the form the spec's own
// examples use, while its schemas say "type: integer, format: int64". So in
// answers, and only there, a decimal string where the schema wants an
// integer is read as the integer it spells before the schema is checked.
// Anything else (an empty string, "12a") still fails. Requests get no such
// leniency: the console sends the form the spec names.
var decimal = regexp.MustCompile(`^-?[0-9]{1,19}$`)

// readWireInts returns v with such strings turned into numbers, following
// s through properties, items and combinators.
func readWireInts(s *openapi3.SchemaRef, v any) any {
	if s == nil || s.Value == nil {
		return v
	}
	sc := s.Value
	for _, group := range []openapi3.SchemaRefs{sc.AllOf, sc.AnyOf, sc.OneOf} {
		for _, sub := range group {
			v = readWireInts(sub, v)
		}
	}
	switch t := v.(type) {
	case string:
		if sc.Type.Is(openapi3.TypeInteger) && decimal.MatchString(t) {
			if n, err := strconv.ParseFloat(t, 64); err == nil {
				return n
			}
		}
	case map[string]any:
		for k, x := range t {
			if p, ok := sc.Properties[k]; ok {
				t[k] = readWireInts(p, x)
			} else if ap := sc.AdditionalProperties.Schema; ap != nil {
				t[k] = readWireInts(ap, x)
			}
		}
	case []any:
		for i, x := range t {
			t[i] = readWireInts(sc.Items, x)
		}
	}
	return v
}
