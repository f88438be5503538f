package spectest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// Exchange is one request to Dialpad and the answer to it, bodies read.
type Exchange struct {
	Request      *http.Request // method, URL and headers; its Body is not read
	RequestBody  []byte
	Status       int // 0 when there was no answer (a dropped connection)
	Header       http.Header
	ResponseBody []byte
}

// Violation is one way an exchange disagrees with the spec.
type Violation struct {
	Method  string
	Path    string // as requested
	Route   string // the spec's path template; "" when the spec has none
	Side    string // "request" or "response"
	Schema  string // what was checked: a schema name, "parameter query office_id", "path"...
	Message string
}

// kind is v with the request's path and the indexes of list items left
// out: what makes two violations the same mistake.
func (v Violation) kind() Violation {
	v.Path = ""
	v.Message = index.ReplaceAllString(v.Message, "/*")
	return v
}

var index = regexp.MustCompile(`/[0-9]+\b`)

func (v Violation) String() string {
	return fmt.Sprintf("%s %s: %s does not match the spec (%s): %s", v.Method, v.Path, v.Side, v.Schema, v.Message)
}

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

func checkResponse(base Violation, route *routers.Route, ex Exchange) []Violation {
	base.Side = "response"
	if ex.Status == 0 || route.Operation.Responses == nil {
		return nil
	}
	ref := route.Operation.Responses.Status(ex.Status)
	if ref == nil || ref.Value == nil || len(ref.Value.Content) == 0 {
		return nil
	}
	ct, _, _ := mime.ParseMediaType(ex.Header.Get("Content-Type"))
	media := ref.Value.Content.Get(ct)
	if media == nil {
		base.Schema, base.Message = fmt.Sprintf("status %d", ex.Status),
			fmt.Sprintf("Content-Type %q, the spec documents %v", ct, contentTypes(ref.Value.Content))
		return []Violation{base}
	}
	if media.Schema == nil || media.Schema.Value == nil {
		return nil
	}
	base.Schema = schemaName(media.Schema)
	var body any
	if err := json.Unmarshal(ex.ResponseBody, &body); err != nil {
		base.Message = "body is not JSON: " + err.Error()
		return []Violation{base}
	}
	var out []Violation
	for _, m := range stricter(media.Schema, body) {
		vi := base
		vi.Message = m
		out = append(out, vi)
	}
	body = readWireInts(media.Schema, body)
	for _, m := range messages(media.Schema.Value.VisitJSON(body, openapi3.MultiErrors()), "", showValues(ex.Request.URL.Path)) {
		vi := base
		vi.Message = m
		out = append(out, vi)
	}
	return out
}

// bodySchemaName names the request body's schema for the content type sent
// (or the first documented one).
func bodySchemaName(op *openapi3.Operation, contentType string) string {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return "request body (the spec documents none)"
	}
	ct, _, _ := mime.ParseMediaType(contentType)
	content := op.RequestBody.Value.Content
	if m := content.Get(ct); m != nil && m.Schema != nil {
		return schemaName(m.Schema)
	}
	return fmt.Sprintf("request body: Content-Type %q, the spec documents %v", ct, contentTypes(content))
}

func schemaName(s *openapi3.SchemaRef) string {
	if s.Ref != "" {
		return strings.TrimPrefix(s.Ref, "#/components/schemas/")
	}
	if s.Value != nil && len(s.Value.OneOf) > 0 {
		names := make([]string, 0, len(s.Value.OneOf))
		for _, o := range s.Value.OneOf {
			names = append(names, schemaName(o))
		}
		return "oneOf(" + strings.Join(names, ", ") + ")"
	}
	return "inline schema"
}

func contentTypes(c openapi3.Content) []string {
	out := make([]string, 0, len(c))
	for k := range c {
		out = append(out, k)
	}
	return out
}

// flatten splits kin-openapi's MultiError into its parts.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	// Only a MultiError itself: errors.As would also reach the one inside
	// a RequestError and lose the RequestError's parameter or body.
	if me, ok := err.(openapi3.MultiError); ok {
		var out []error
		for _, e := range me {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

// showValues is false on OAuth paths, whose bodies carry codes, secrets
// and tokens that must not reach a test log.
func showValues(path string) bool { return !strings.HasPrefix(path, "/oauth2/") }

// messages turns err into one plain line per problem: where in the body,
// and what is wrong, without kin-openapi's schema dumps.
func messages(err error, reason string, values bool) []string {
	if err == nil {
		if reason != "" {
			return []string{reason}
		}
		return nil
	}
	var out []string
	for _, e := range flatten(err) {
		var se *openapi3.SchemaError
		if errors.As(e, &se) {
			msg := se.Reason
			p := se.JSONPointer()
			if len(p) > 0 {
				msg = "/" + strings.Join(p, "/") + ": " + msg
			}
			if values && scalar(se.Value) && (len(p) == 0 || p[len(p)-1] != "secret") {
				if v, err := json.Marshal(se.Value); err == nil {
					msg += " (got " + string(v) + ")"
				}
			}
			if se.Origin != nil {
				msg += ": " + strings.Join(messages(se.Origin, "", values), "; ")
			}
			out = append(out, msg)
			continue
		}
		if reason != "" && reason != e.Error() {
			out = append(out, reason+": "+e.Error())
			continue
		}
		out = append(out, e.Error())
	}
	return out
}

// scalar values are shown in messages; objects may carry a router's secret.
func scalar(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return true
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }
