package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"slices"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

func (v *Validator) checkRequest(base Violation, route *routers.Route, params map[string]string, ex Exchange) []Violation {
	r := ex.Request.Clone(context.Background())
	r.Body = http.NoBody
	if len(ex.RequestBody) > 0 {
		r.Body = readCloser{bytes.NewReader(ex.RequestBody)}
	}
	err := openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options: &openapi3filter.Options{
			MultiError:          true,
			SkipSettingDefaults: true,
			// A body on an operation that documents none is a mistake too.
			RejectWhenRequestBodyNotSpecified: true,
			// Who may call is the emulator's business (401/403), not the schema's.
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	})
	var out []Violation
	for _, e := range flatten(err) {
		vi := base
		vi.Side, vi.Schema = "request", "request"
		var re *openapi3filter.RequestError
		if errors.As(e, &re) {
			switch {
			case re.Parameter != nil:
				vi.Schema = "parameter " + re.Parameter.In + " " + re.Parameter.Name
			case re.RequestBody != nil:
				vi.Schema = bodySchemaName(route.Operation, ex.Request.Header.Get("Content-Type"))
			}
			for _, m := range messages(re.Err, re.Reason, showValues(ex.Request.URL.Path)) {
				vi.Message = m
				out = append(out, vi)
			}
			continue
		}
		vi.Message = e.Error()
		out = append(out, vi)
	}
	out = append(out, unknownQueryParams(base, route, ex)...)
	return append(out, stricterRequest(base, route, ex)...)
}

// unknownQueryParams reports query parameters the operation does not
// declare: Dialpad ignores them, so a filter the console relies on would
// silently not apply. limit is allowed wherever cursor is: the spec's
// introduction says "List APIs support a limit and cursor parameter"
// without declaring limit on each list.
func unknownQueryParams(base Violation, route *routers.Route, ex Exchange) []Violation {
	declared := map[string]bool{"apikey": true} // the api_key_in_url security scheme
	for _, params := range []openapi3.Parameters{route.PathItem.Parameters, route.Operation.Parameters} {
		for _, p := range params {
			if p.Value != nil && p.Value.In == openapi3.ParameterInQuery {
				declared[p.Value.Name] = true
			}
		}
	}
	if declared["cursor"] {
		declared["limit"] = true
	}
	var names []string
	for k := range ex.Request.URL.Query() {
		if !declared[k] {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	out := make([]Violation, 0, len(names))
	for _, k := range names {
		vi := base
		vi.Side, vi.Schema, vi.Message = "request", "parameter query "+k, "the spec declares no such parameter here"
		out = append(out, vi)
	}
	return out
}

// stricterRequest applies stricter to a JSON request body.
func stricterRequest(base Violation, route *routers.Route, ex Exchange) []Violation {
	op := route.Operation
	ct, _, _ := mime.ParseMediaType(ex.Request.Header.Get("Content-Type"))
	if op.RequestBody == nil || op.RequestBody.Value == nil || ct != "application/json" {
		return nil
	}
	media := op.RequestBody.Value.Content.Get(ct)
	var body any
	if media == nil || media.Schema == nil || json.Unmarshal(ex.RequestBody, &body) != nil {
		return nil // ValidateRequest has said what is wrong
	}
	var out []Violation
	for _, m := range stricter(media.Schema, body) {
		vi := base
		vi.Side, vi.Schema, vi.Message = "request", schemaName(media.Schema), m
		out = append(out, vi)
	}
	return out
}

// stricter are the checks where the spec is silent and the stricter reading
// applies, on both sides: fields it does not name, and hours that are not
// "HH:MM" pairs within the day.
func stricter(s *openapi3.SchemaRef, body any) []string {
	var out []string
	for _, p := range unknownFields(s, body, "") {
		out = append(out, p+": the spec names no such field")
	}
	return append(out, hoursProblems(body, "")...)
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }
