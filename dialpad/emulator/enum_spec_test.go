package emulator

import (
	"encoding/json"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// Every enum the emulator checks on a request is the spec's list for that
// field, no more and no fewer values, and "" is never one of them; where the spec lists the values only
// in a field's description ("[0,1,...,#]", "(0-9)"), that list. A field the
// spec gives an enum must be checked as one.
func TestEnumsMatchTheSpec(t *testing.T) {
	spec := loadSpec(t)
	bodies := []struct {
		specSchema string
		emulator   schema
	}{
		{"schemas.group.UpdateCallCenterMessage", callCenterPatchSchema()},
		{"schemas.group.UpdateDepartmentMessage", departmentPatchSchema()},
		{"schemas.call_router.CreateApiCallRouterMessage", routerCreateSchema()},
		{"schemas.call_router.UpdateApiCallRouterMessage", routerUpdateSchema()},
		{"schemas.custom_ivr.CreateCustomIvrMessage", customIVRCreateSchema()},
		{"schemas.custom_ivr.UpdateCustomIvrMessage", customIVRAssignSchema()},
		{"schemas.custom_ivr.UpdateCustomIvrDetailsMessage", customIVRDetailsSchema()},
	}
	for _, b := range bodies {
		t.Run(b.specSchema, func(t *testing.T) {
			fields := map[string]specField{}
			spec.fields(spec.schema(t, b.specSchema), "", fields, 0)
			ours := map[string][]string{}
			b.emulator.enums("", ours)
			for _, path := range slices.Sorted(maps.Keys(ours)) {
				if r, _ := b.emulator.lookup(path); r.checkString(path, "") == nil {
					t.Errorf("%s: an empty string is accepted; it is no value of the enum", path)
				}
				f, ok := fields[path]
				switch {
				case !ok:
					t.Errorf("%s: the emulator checks a field the spec does not have", path)
				case f.enum != nil:
					sameValues(t, path, ours[path], f.enum)
				case descriptionValues(f.description) != nil:
					sameValues(t, path, ours[path], descriptionValues(f.description))
				default:
					t.Errorf("%s: the emulator restricts it to %v, the spec lists no values", path, ours[path])
				}
			}
			for _, path := range slices.Sorted(maps.Keys(fields)) {
				if fields[path].enum == nil {
					continue
				}
				if r, ok := b.emulator.lookup(path); ok && !r.readOnly && ours[path] == nil {
					t.Errorf("%s: the spec's enum %v is not checked", path, fields[path].enum)
				}
			}
		})
	}

	// Path and query parameters of the custom IVR endpoints.
	params := []struct {
		path, method, param string
		ours                []string
	}{
		{"/api/v2/customivrs/{target_type}/{target_id}/{ivr_type}", "patch", "target_type", routerTargetTypes()},
		{"/api/v2/customivrs/{target_type}/{target_id}/{ivr_type}", "patch", "ivr_type", ivrTypes()},
		{"/api/v2/customivrs/{target_type}/{target_id}/{ivr_type}", "delete", "target_type", routerTargetTypes()},
		{"/api/v2/customivrs/{target_type}/{target_id}/{ivr_type}", "delete", "ivr_type", ivrTypes()},
		{"/api/v2/customivrs", "get", "target_type", routerTargetTypes()},
	}
	for _, p := range params {
		sameValues(t, p.method+" "+p.path+" "+p.param, p.ours, spec.paramEnum(t, p.path, p.method, p.param))
	}
}

// openAPI is the part of the spec file the test reads.
type openAPI struct {
	Paths      map[string]map[string]json.RawMessage `json:"paths"`
	Components struct {
		Schemas map[string]json.RawMessage `json:"schemas"`
	} `json:"components"`
}

// node is one schema object of the spec.
type node struct {
	Ref         string          `json:"$ref"`
	Enum        []string        `json:"enum"`
	Description string          `json:"description"`
	Properties  map[string]node `json:"properties"`
	Items       *node           `json:"items"`
	AllOf       []node          `json:"allOf"`
}

type specField struct {
	enum        []string
	description string
}

// loadSpec reads the module's copy of Dialpad's spec. A missing copy fails
// the test: skipping would let the emulator drift unseen.
func loadSpec(t *testing.T) openAPI {
	t.Helper()
	b, err := os.ReadFile("../testdata/dialpad-openapi.json")
	if err != nil {
		t.Fatalf("Dialpad's spec is missing (copy /work/shared/dialpad-openapi.json to dialpad/testdata): %v", err)
	}
	var s openAPI
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s openAPI) schema(t *testing.T, name string) node {
	t.Helper()
	raw, ok := s.Components.Schemas[name]
	if !ok {
		t.Fatalf("no schema %s in the spec", name)
	}
	var n node
	if err := json.Unmarshal(raw, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (s openAPI) resolve(n node) node {
	if n.Ref == "" {
		return n
	}
	var r node
	_ = json.Unmarshal(s.Components.Schemas[strings.TrimPrefix(n.Ref, "#/components/schemas/")], &r)
	if n.Description != "" && r.Description == "" {
		r.Description = n.Description
	}
	return r
}

// fields collects every property under n by path ("routing_options.open.dtmf[].input").
func (s openAPI) fields(n node, prefix string, out map[string]specField, depth int) {
	if depth > 6 {
		return
	}
	n = s.resolve(n)
	for _, a := range n.AllOf {
		s.fields(a, prefix, out, depth+1)
	}
	for name, p := range n.Properties {
		path := prefix + name
		r := s.resolve(p)
		desc := p.Description
		if desc == "" {
			desc = r.Description
		}
		out[path] = specField{enum: r.Enum, description: desc}
		if r.Items != nil {
			s.fields(*r.Items, path+"[].", out, depth+1)
		}
		s.fields(r, path+".", out, depth+1)
	}
}

func (s openAPI) paramEnum(t *testing.T, path, method, param string) []string {
	t.Helper()
	var op struct {
		Parameters []struct {
			Name   string `json:"name"`
			Schema node   `json:"schema"`
		} `json:"parameters"`
	}
	if err := json.Unmarshal(s.Paths[path][method], &op); err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	for _, p := range op.Parameters {
		if p.Name == param {
			return p.Schema.Enum
		}
	}
	t.Fatalf("%s %s has no parameter %s", method, path, param)
	return nil
}

// enums collects the emulator's enum rules by the same paths.
func (s schema) enums(prefix string, out map[string][]string) {
	for name, r := range s {
		path := prefix + name
		if r.enum != nil {
			out[path] = r.enum
		}
		switch r.kind {
		case kindObject:
			r.fields.enums(path+".", out)
		case kindObjectList:
			r.fields.enums(path+"[].", out)
		}
	}
}

// lookup finds the rule at a path.
func (s schema) lookup(path string) (rule, bool) {
	name, rest, nested := strings.Cut(path, ".")
	name = strings.TrimSuffix(name, "[]")
	r, ok := s[name]
	if !ok || !nested {
		return r, ok
	}
	return r.fields.lookup(rest)
}

var (
	bracketList = regexp.MustCompile(`\[([0-9*#,\s]+)\]`)
	digitRange  = regexp.MustCompile(`\(0-9\)`)
)

// descriptionValues reads the values a description lists: "[0,1,...,#]" or
// "(0-9)"; nil when it lists none.
func descriptionValues(desc string) []string {
	if m := bracketList.FindStringSubmatch(desc); m != nil {
		var out []string
		for v := range strings.SplitSeq(m[1], ",") {
			out = append(out, strings.TrimSpace(v))
		}
		return out
	}
	if digitRange.MatchString(desc) {
		return []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
	}
	return nil
}

func sameValues(t *testing.T, what string, ours, theirs []string) {
	t.Helper()
	a, b := slices.Sorted(slices.Values(ours)), slices.Sorted(slices.Values(theirs))
	if !slices.Equal(a, b) {
		t.Errorf("%s: the emulator accepts %v, the spec lists %v", what, a, b)
	}
	if slices.Contains(ours, "") {
		t.Errorf("%s: the emulator accepts an empty string", what)
	}
}
