// Package spectest checks HTTP exchanges with Dialpad against Dialpad's own
// OpenAPI spec (dialpad/testdata/dialpad-openapi.json): every request the
// console sends against the spec's parameters and request schemas, and every
// answer the emulator gives against the response schemas.
//
// It is test support: only tests import it (web/webtest, the handlers' and
// dialpad's test setups), so kin-openapi never reaches the production binary.
// Wrap puts a validator in front of the emulator and fails the test at
// cleanup with every violation it saw.
package spectest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// SpecFile is where the spec lives, relative to the module root.
const SpecFile = "dialpad/testdata/dialpad-openapi.json"

// Validator checks exchanges against one loaded spec. It is safe for
// concurrent use and never modified after Load.
type Validator struct {
	doc    *openapi3.T
	router routers.Router
}

// Load reads and indexes the spec at path.
func Load(path string) (*Validator, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("spectest: loading %s: %w", path, err)
	}
	// doc.Validate is not called on purpose: the spec's own examples write
	// int64 fields as strings ("id": "1002"), which a strict reading of its
	// schemas refuses. The schemas themselves load and compile fine.
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("spectest: routing %s: %w", path, err)
	}
	return &Validator{doc: doc, router: router}, nil
}

// Default is the module's copy of the spec, loaded once per test binary (it
// is 700 KB and every test stack uses it; the loaded spec never changes).
// A missing spec is an error, never a reason to skip: callers fail the test.
func Default() (*Validator, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Validator, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	return Load(filepath.Join(root, SpecFile))
})

// moduleRoot walks up from the working directory (a package directory under
// go test) to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("spectest: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("spectest: no go.mod above the working directory, so no " + SpecFile)
		}
		dir = parent
	}
}
