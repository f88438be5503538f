package formstate

import (
	"bytes"
	"compress/flate"
	"crypto/hmac"
	"encoding/json"
	"fmt"
	"io"
)

// Open checks a token made by Seal with the same key and kind and decodes
// what it holds into v. Every token it cannot trust yields ErrTampered; the
// MAC is checked before anything is decompressed.
func Open(key []byte, kind string, token string, v any) error {
	if len(key) < MinKeyLen {
		return fmt.Errorf("formstate: key is %d bytes, want at least %d", len(key), MinKeyLen)
	}
	if len(token) > MaxTokenLen {
		return fmt.Errorf("%w: token too long", ErrTampered)
	}
	raw, err := encoding().DecodeString(token)
	if err != nil || len(raw) < 1+macLen || raw[0] != version {
		return fmt.Errorf("%w: malformed token", ErrTampered)
	}
	payload, sum := raw[1:len(raw)-macLen], raw[len(raw)-macLen:]
	if !hmac.Equal(sum, mac(key, kind, payload)) {
		return fmt.Errorf("%w: signature mismatch", ErrTampered)
	}

	zr := flate.NewReader(bytes.NewReader(payload))
	defer zr.Close()
	js, err := io.ReadAll(io.LimitReader(zr, MaxPayloadLen+1))
	if err != nil || len(js) > MaxPayloadLen {
		return fmt.Errorf("%w: payload does not inflate", ErrTampered)
	}
	if err := json.Unmarshal(js, v); err != nil {
		return fmt.Errorf("formstate: decode %s: %w", kind, err)
	}
	return nil
}
