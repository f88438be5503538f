package dialpad

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// ID is a Dialpad 64-bit id. Dialpad sends ids as JSON strings (to survive
// JavaScript's 53-bit numbers) and sometimes as numbers; both decode. It
// encodes as a JSON number, the form the spec names.
type ID int64

// ParseID parses a decimal id as found in URLs and form values.
func ParseID(s string) (ID, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("dialpad: %q is not an id", s)
	}
	return ID(n), nil
}

func (id ID) String() string { return strconv.FormatInt(int64(id), 10) }

// UnmarshalJSON accepts 123, "123", null and "".
func (id *ID) UnmarshalJSON(b []byte) error {
	n, err := decodeFlexInt(b)
	if err != nil {
		return fmt.Errorf("dialpad: id: %w", err)
	}
	*id = ID(n)
	return nil
}

// Int is an integer field that Dialpad may send as a JSON string
// ("ring_seconds": "30"). It encodes as a JSON number.
type Int int64

// UnmarshalJSON accepts 30, "30", null and "".
func (i *Int) UnmarshalJSON(b []byte) error {
	n, err := decodeFlexInt(b)
	if err != nil {
		return fmt.Errorf("dialpad: integer: %w", err)
	}
	*i = Int(n)
	return nil
}

func decodeFlexInt(b []byte) (int64, error) {
	b = bytes.TrimSpace(b)
	if bytes.Equal(b, []byte("null")) {
		return 0, nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return 0, err
		}
		if s == "" {
			return 0, nil
		}
		return strconv.ParseInt(s, 10, 64)
	}
	return strconv.ParseInt(string(b), 10, 64)
}
