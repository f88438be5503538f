package formstate

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
)

// Seal encodes v as JSON, compresses it and signs it for kind, returning a
// URL- and form-safe token. Kind names what the token holds and should carry
// the resource's id ("callcenter:123"), so a token cannot be replayed into
// another form.
func Seal(key []byte, kind string, v any) (string, error) {
	if len(key) < MinKeyLen {
		return "", fmt.Errorf("formstate: key is %d bytes, want at least %d", len(key), MinKeyLen)
	}
	js, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("formstate: encode %s: %w", kind, err)
	}
	if len(js) > MaxPayloadLen {
		return "", fmt.Errorf("formstate: %s is %d bytes of JSON, over the %d limit", kind, len(js), MaxPayloadLen)
	}

	var buf bytes.Buffer
	buf.WriteByte(version)
	zw, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", fmt.Errorf("formstate: %w", err)
	}
	if _, err := zw.Write(js); err != nil {
		return "", fmt.Errorf("formstate: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return "", fmt.Errorf("formstate: compress: %w", err)
	}
	buf.Write(mac(key, kind, buf.Bytes()[1:]))

	token := encoding().EncodeToString(buf.Bytes())
	if len(token) > MaxTokenLen {
		return "", fmt.Errorf("formstate: sealed %s is %d bytes, over the %d limit", kind, len(token), MaxTokenLen)
	}
	return token, nil
}
