package spectest

import (
	"encoding/json"
	"fmt"
	"mime"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

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
