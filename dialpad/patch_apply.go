package dialpad

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ApplyPatch merges p into current the way a JSON merge patch does (objects
// merge, anything else replaces, null removes) and decodes the result as a
// fresh T. Tests, fuzzing and previews use it to see what a PATCH would do.
func ApplyPatch[T any](current T, p Patch) (T, error) {
	var out T
	obj, err := toObject(current)
	if err != nil {
		return out, fmt.Errorf("dialpad: apply patch: %w", err)
	}
	mergeInto(obj, p)
	b, err := json.Marshal(obj)
	if err != nil {
		return out, fmt.Errorf("dialpad: apply patch: %w", err)
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return out, fmt.Errorf("dialpad: apply patch: %w", err)
	}
	return out, nil
}

func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		switch v := v.(type) {
		case nil:
			delete(dst, k)
		case Patch:
			mergeInto(subObject(dst, k), v)
		case map[string]any:
			mergeInto(subObject(dst, k), v)
		default:
			dst[k] = v
		}
	}
}

func subObject(dst map[string]any, k string) map[string]any {
	sub, ok := dst[k].(map[string]any)
	if !ok {
		sub = map[string]any{}
		dst[k] = sub
	}
	return sub
}

// toObject encodes v as JSON and decodes it back as a generic object, with
// numbers kept exact as json.Number.
func toObject(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, err
	}
	if obj == nil {
		return nil, errors.New("not a JSON object")
	}
	return obj, nil
}
