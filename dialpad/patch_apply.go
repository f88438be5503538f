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
	if out, err = fromObject[T](obj); err != nil {
		return out, fmt.Errorf("dialpad: apply patch: %w", err)
	}
	return out, nil
}

// fromObject decodes a generic object as a fresh T.
func fromObject[T any](obj map[string]any) (T, error) {
	var out T
	b, err := json.Marshal(obj)
	if err != nil {
		return out, err
	}
	err = json.Unmarshal(b, &out)
	return out, err
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

// encodeObject encodes v as JSON, which must be an object.
func encodeObject(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	if len(b) == 0 || b[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	return b, nil
}

// rawFields splits an object from encodeObject into its top-level fields,
// left encoded: ComputePatch decodes only the fields that differ.
func rawFields(obj []byte) map[string]json.RawMessage {
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(obj, &fields) // json.Marshal wrote it: valid
	return fields
}

// decodeValue decodes one field as toObject would, numbers kept exact;
// absent is nil. The text came from json.Marshal, so it is valid JSON.
func decodeValue(raw json.RawMessage) any {
	if raw == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	_ = dec.Decode(&v)
	return v
}
