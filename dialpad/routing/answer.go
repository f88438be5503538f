package routing

import (
	"encoding/json"
	"fmt"
	"strings"

	"switchboard/dialpad"
)

// Answer is what a routing service answers: the target to send the call to.
type Answer struct {
	TargetID   dialpad.ID `json:"target_id"`
	TargetType string     `json:"target_type"`
}

// Target types a routing answer may name, in the order Dialpad lists them.
const (
	TargetOffice     = "office"
	TargetCallCenter = "callcenter"
	TargetUser       = "user"
	TargetDepartment = "department"
)

// targetTypes maps each valid target type to the words a person reads.
var targetTypes = []struct{ kind, label string }{
	{TargetOffice, "office"},
	{TargetCallCenter, "call center"},
	{TargetUser, "user"},
	{TargetDepartment, "department"},
}

// TargetTypes lists the target types a routing answer may name.
func TargetTypes() []string {
	kinds := make([]string, len(targetTypes))
	for i, t := range targetTypes {
		kinds[i] = t.kind
	}
	return kinds
}

// TargetTypeLabel is a target type in plain words ("call center"); an
// unknown type comes back as it is.
func TargetTypeLabel(targetType string) string {
	for _, t := range targetTypes {
		if t.kind == targetType {
			return t.label
		}
	}
	return targetType
}

func validTargetType(targetType string) bool {
	for _, t := range targetTypes {
		if t.kind == targetType {
			return true
		}
	}
	return false
}

// String is the answer in plain words: "call center 123".
func (a Answer) String() string {
	return TargetTypeLabel(a.TargetType) + " " + a.TargetID.String()
}

// parseAnswer judges an answer body as Dialpad would. It returns the answer,
// or the problem in plain words.
func parseAnswer(body []byte) (*Answer, string) {
	if !json.Valid(body) {
		return nil, "answer is not JSON"
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil || raw == nil {
		return nil, "answer is not a JSON object"
	}
	var a Answer
	idJSON, ok := raw["target_id"]
	if !ok || string(idJSON) == "null" || string(idJSON) == `""` {
		return nil, "target_id is missing"
	}
	if err := json.Unmarshal(idJSON, &a.TargetID); err != nil || a.TargetID <= 0 {
		return nil, "target_id is not an id"
	}
	typeJSON, ok := raw["target_type"]
	if !ok || string(typeJSON) == "null" || string(typeJSON) == `""` {
		return nil, "target_type is missing"
	}
	if err := json.Unmarshal(typeJSON, &a.TargetType); err != nil {
		return nil, "target_type is not a string"
	}
	if !validTargetType(a.TargetType) {
		return nil, fmt.Sprintf("target_type %q is not one of %s", clip(a.TargetType), strings.Join(TargetTypes(), ", "))
	}
	return &a, ""
}

// maxQuotedRunes bounds how much of a remote service's text a problem
// quotes, so a huge answer cannot become a huge message.
const maxQuotedRunes = 40

func clip(s string) string {
	r := []rune(s)
	if len(r) <= maxQuotedRunes {
		return s
	}
	return string(r[:maxQuotedRunes]) + "…"
}
