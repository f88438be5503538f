package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// applyPatch merges a validated partial body into *cur, Dialpad style:
// nested objects merge key by key, arrays and scalars replace, null leaves a
// field as it is. *cur is replaced by a fresh value, so nothing of the patch
// or of the old value is shared.
func applyPatch[T any](cur *T, patch map[string]json.RawMessage) error {
	base, err := toTree(*cur)
	if err != nil {
		return err
	}
	for k, raw := range patch {
		v, err := decodeTree(raw)
		if err != nil {
			return err
		}
		base[k] = mergeTree(base[k], v)
	}
	b, err := json.Marshal(base)
	if err != nil {
		return err
	}
	var next T
	if err := json.Unmarshal(b, &next); err != nil {
		return badRequest("%v", err)
	}
	*cur = next
	return nil
}

func mergeTree(old, patch any) any {
	if patch == nil {
		return old
	}
	pm, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	om, ok := old.(map[string]any)
	if !ok {
		om = map[string]any{}
	}
	for k, v := range pm {
		om[k] = mergeTree(om[k], v)
	}
	return om
}

// toTree turns a model into a generic JSON object, keeping 64-bit ids exact.
func toTree(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	t, err := decodeTree(b)
	if err != nil {
		return nil, err
	}
	m, ok := t.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("emulator: %T is not an object", v)
	}
	return m, nil
}

func decodeTree(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var t any
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	return t, nil
}
