package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// toWire encodes v the way Dialpad does: every JSON number (ids and integer
// fields alike) becomes a JSON string, "id":"5835806903417907" and
// "ring_seconds":"30". Keeping the client honest about that is the point.
// An enum field whose value is "" is left out: "" is no value of any of the
// spec's enums, so Dialpad never sends it (an unset target has no
// action_target_type at all). drop names top-level fields the resource's
// schema does not have although the stored model does (an office's hours_on).
// Handlers call it while holding the lock, so the bytes are a snapshot.
func toWire(v any, drop ...string) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("emulator: encode: " + err.Error())
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		panic("emulator: encode: " + err.Error())
	}
	if m, ok := tree.(map[string]any); ok {
		for _, k := range drop {
			delete(m, k)
		}
	}
	out, err := json.Marshal(wireValue(tree))
	if err != nil {
		panic("emulator: encode: " + err.Error())
	}
	return out
}

// wireValue stringifies numbers and leaves out empty enum values, all the
// way down.
func wireValue(v any) any {
	switch t := v.(type) {
	case json.Number:
		return t.String()
	case map[string]any:
		for k, x := range t {
			if x == "" && isEnumField(k) {
				delete(t, k)
				continue
			}
			t[k] = wireValue(x)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = wireValue(x)
		}
		return t
	default:
		return v
	}
}

// isEnumField reports the fields that the spec types as an enum in the
// resources the emulator serves (groups, offices, routing options, call
// routers, custom IVRs, numbers, users, the company).
func isEnumField(name string) bool {
	switch name {
	case "action", "action_target_type", "operator_routing", "availability_status",
		"first_action", "no_operators_action", "state", "default_target_type",
		"ivr_type", "select_option", "target_type", "type", "status",
		"account_type", "license", "on_duty_status", "group_type", "role":
		return true
	}
	return false
}

// list is Dialpad's collection shape; Cursor is omitted on the last page.
type list struct {
	Items  []json.RawMessage `json:"items"`
	Cursor string            `json:"cursor,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("emulator: encode: " + err.Error())
	}
	return b
}
