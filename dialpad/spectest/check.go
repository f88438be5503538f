package spectest

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/getkin/kin-openapi/routers"

	"switchboard/dialpad/emulator"
)

// Check returns every violation in ex, nil when it conforms. Requests are
// read strictly, as the spec names them. Answers with a status the spec does
// not document (Dialpad's errors) are not checked: the spec is silent on them.
func (v *Validator) Check(ex Exchange) []Violation {
	req := ex.Request
	if emulatorOnly(req.Method, req.URL.Path) {
		return nil
	}
	base := Violation{Method: req.Method, Path: req.URL.Path}
	route, params, err := v.route(req)
	if err != nil {
		base.Side, base.Schema, base.Message = "request", "path", err.Error()
		return []Violation{base}
	}
	base.Route = route.Path
	out := v.checkRequest(base, route, params, ex)
	if ex.Header.Get(emulator.FaultHeader) != "" {
		// A fault the test asked for: the answer is broken on purpose.
		return out
	}
	return append(out, checkResponse(base, route, ex)...)
}

// route finds the spec's operation. The spec's servers are dialpad.com and
// sandbox.dialpad.com, so the lookup pretends the request went there.
func (v *Validator) route(req *http.Request) (*routers.Route, map[string]string, error) {
	r := req.Clone(context.Background())
	r.URL.Scheme, r.URL.Host, r.Host = "https", "dialpad.com", "dialpad.com"
	route, params, err := v.router.FindRoute(r)
	switch {
	case errors.Is(err, routers.ErrPathNotFound):
		return nil, nil, errors.New("the spec has no such path")
	case errors.Is(err, routers.ErrMethodNotAllowed):
		return nil, nil, fmt.Errorf("the spec has no %s on this path", req.Method)
	case err != nil:
		return nil, nil, err
	}
	return route, params, nil
}
