package spectest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// unknownFields lists, as JSON pointers, the object members of v that s does
// not name. The spec leaves additionalProperties open, but Dialpad answers
// only with the fields it documents and a field it does not document is
// ignored at best: the stricter reading, on both sides. Objects whose schema
// names no properties at all are free-form and not looked into.
func unknownFields(s *openapi3.SchemaRef, v any, at string) []string {
	if s == nil || s.Value == nil {
		return nil
	}
	var out []string
	switch t := v.(type) {
	case map[string]any:
		props := properties(s)
		if len(props) == 0 {
			return nil
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := at + "/" + strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1")
			sub, ok := props[k]
			if !ok {
				out = append(out, p)
				continue
			}
			out = append(out, unknownFields(sub, t[k], p)...)
		}
	case []any:
		for i, x := range t {
			out = append(out, unknownFields(s.Value.Items, x, at+"/"+strconv.Itoa(i))...)
		}
	}
	return out
}

// properties are the members s names, its allOf/anyOf/oneOf branches
// included (a member any branch names is known).
func properties(s *openapi3.SchemaRef) map[string]*openapi3.SchemaRef {
	out := map[string]*openapi3.SchemaRef{}
	var walk func(*openapi3.SchemaRef)
	walk = func(s *openapi3.SchemaRef) {
		if s == nil || s.Value == nil {
			return
		}
		for k, p := range s.Value.Properties {
			if _, seen := out[k]; !seen {
				out[k] = p
			}
		}
		for _, group := range []openapi3.SchemaRefs{s.Value.AllOf, s.Value.AnyOf, s.Value.OneOf} {
			for _, sub := range group {
				walk(sub)
			}
		}
	}
	walk(s)
	return out
}
