package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// toWire encodes v the way Dialpad does: every JSON number (ids and integer
// fields alike) becomes a JSON string, "id":"5835806903417907" and
// "ring_seconds":"30". Keeping the client honest about that is the point.
// Handlers call it while holding the lock, so the bytes are a snapshot.
func toWire(v any) json.RawMessage {
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
	out, err := json.Marshal(stringifyNumbers(tree))
	if err != nil {
		panic("emulator: encode: " + err.Error())
	}
	return out
}

func stringifyNumbers(v any) any {
	switch t := v.(type) {
	case json.Number:
		return t.String()
	case map[string]any:
		for k, x := range t {
			t[k] = stringifyNumbers(x)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = stringifyNumbers(x)
		}
		return t
	default:
		return v
	}
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
