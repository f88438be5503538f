package emulator_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// The emulator reads the spec on its own: two readings are what lets a test
// catch either being wrong. Its non-test files may use dialpad's models and
// ids, never the console's hours parsers or validators.
func TestEmulatorDoesNotBorrowTheConsoleParsers(t *testing.T) {
	forbidden := map[string]bool{
		"ParseClock": true, "FormatClock": true, "ParseDay": true, "EndOfDay": true,
		"OpenAt": true, "Day": true, "SetDay": true,
		"Weekdays": true, "WeekdayOf": true, "LookupIVRType": true, "IVRTypeNames": true, "IsRecordingIVR": true,
		"IVRUploadTargetTypes": true, "IVRCatalog": true,
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if forbidden[sel.Sel.Name] || strings.HasPrefix(sel.Sel.Name, "Validate") {
				t.Errorf("%s uses %s: the emulator must read the spec with its own code", name, sel.Sel.Name)
			}
			return true
		})
	}
	if checked == 0 {
		t.Fatal("no emulator source found")
	}
}
