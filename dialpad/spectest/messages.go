package spectest

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

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
