package dialpad

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// openAPIEnums reads the enums of the spec's custom IVR messages and
// parameters; the test skips when the spec file is not around.
func openAPIEnums(t *testing.T) (ivrTypes, createTargets []string) {
	t.Helper()
	raw, err := os.ReadFile("../../shared/dialpad-openapi.json")
	if err != nil {
		t.Skipf("OpenAPI spec not available: %v", err)
	}
	type prop struct {
		Enum []string `json:"enum"`
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name   string `json:"name"`
				Schema prop   `json:"schema"`
			} `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]prop `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	create := doc.Components.Schemas["schemas.custom_ivr.CreateCustomIvrMessage"]
	return create.Properties["ivr_type"].Enum, create.Properties["target_type"].Enum
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// The catalogue must cover exactly the spec's ivr_type enum, each type once.
func TestIVRCatalogMatchesOpenAPI(t *testing.T) {
	types, createTargets := openAPIEnums(t)
	if len(types) < 60 {
		t.Fatalf("spec lists %d IVR types; the enum was not found", len(types))
	}
	names := IVRTypeNames()
	if got, want := sortedCopy(names), sortedCopy(types); !slices.Equal(got, want) {
		var missing, extra []string
		for _, w := range want {
			if !slices.Contains(got, w) {
				missing = append(missing, w)
			}
		}
		for _, g := range got {
			if !slices.Contains(want, g) {
				extra = append(extra, g)
			}
		}
		t.Errorf("catalogue differs from the spec: missing %q, not in the spec %q", missing, extra)
	}
	if got := len(slices.Compact(sortedCopy(names))); got != len(names) {
		t.Errorf("catalogue lists %d types but only %d distinct", len(names), got)
	}
	if !slices.Equal(sortedCopy(IVRUploadTargetTypes()), sortedCopy(createTargets)) {
		t.Errorf("IVRUploadTargetTypes %q, spec %q", IVRUploadTargetTypes(), createTargets)
	}
}

func TestIVRCatalogIsReadable(t *testing.T) {
	labels := map[string]string{}
	for _, s := range IVRCatalog() {
		if s.Key == "" || s.Title == "" || s.Lead == "" || len(s.Types) == 0 {
			t.Errorf("section %+v is incomplete", s)
		}
		for _, ty := range s.Types {
			if ty.Label == "" || ty.Description == "" {
				t.Errorf("%s has no label or description", ty.Name)
			}
			if strings.Contains(ty.Description, "\n") || len(ty.Description) > 120 {
				t.Errorf("%s: description is not one short line: %q", ty.Name, ty.Description)
			}
			if prev, dup := labels[ty.Label]; dup {
				t.Errorf("%s and %s share the label %q", prev, ty.Name, ty.Label)
			}
			labels[ty.Label] = ty.Name
		}
	}
}

func TestIVRTypeLookups(t *testing.T) {
	if ty, ok := LookupIVRType("HOLD_MUSIC"); !ok || ty.Label != "Hold music" {
		t.Errorf("LookupIVRType(HOLD_MUSIC) = %+v, %v", ty, ok)
	}
	if _, ok := LookupIVRType("SONG"); ok {
		t.Error("LookupIVRType found SONG")
	}
	for name, want := range map[string]string{
		"HOLD_MUSIC":   "Hold music",
		"NEW_THING_X":  "New thing x",
		"":             "",
		"CSAT_OUTRO":   "Survey closing",
		"weird_lower_": "Weird lower ",
	} {
		if got := IVRTypeLabel(name); got != want {
			t.Errorf("IVRTypeLabel(%q) = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]bool{"AUTO_RECORDING": true, "CG_AUTO_RECORDING": true, "CALLAI_AUTO_RECORDING": true, "GREETING": false} {
		if IsRecordingIVR(name) != want {
			t.Errorf("IsRecordingIVR(%s) = %v", name, !want)
		}
	}
	// Each call builds a fresh catalogue: changing one copy changes nothing else.
	c := IVRCatalog()
	c[0].Types[0].Label = "changed"
	if IVRCatalog()[0].Types[0].Label == "changed" {
		t.Error("IVRCatalog shares its slices between callers")
	}
}
