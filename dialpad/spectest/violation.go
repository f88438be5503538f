package spectest

import (
	"fmt"
	"net/http"
	"regexp"
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
	if v.Route != "" {
		v.Path = ""
	}
	v.Message = index.ReplaceAllString(v.Message, "/*")
	return v
}

var index = regexp.MustCompile(`/[0-9]+\b`)

func (v Violation) String() string {
	return fmt.Sprintf("%s %s: %s does not match the spec (%s): %s", v.Method, v.Path, v.Side, v.Schema, v.Message)
}
