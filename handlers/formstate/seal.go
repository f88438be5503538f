package formstate

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Sealer seals form state, keeping its DEFLATE compressors between calls:
// a fresh one costs about 800 KB of tables, several times everything else
// a page allocates, so a server keeps one. The zero value is ready; do not
// copy a Sealer after first use.
type Sealer struct {
	writers sync.Pool // of *flate.Writer
}

// Seal encodes v as JSON, compresses it and signs it for kind, returning a
// URL- and form-safe token. Kind names what the token holds and should carry
// the resource's id ("callcenter:123"), so a token cannot be replayed into
// another form.
func (s *Sealer) Seal(key []byte, kind string, v any) (string, error) {
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
	zw, err := s.writer(&buf)
	if err != nil {
		return "", fmt.Errorf("formstate: %w", err)
	}
	_, err = zw.Write(js)
	if err == nil {
		err = zw.Close()
	}
	zw.Reset(io.Discard) // let go of buf before the next caller gets zw
	s.writers.Put(zw)
	if err != nil {
		return "", fmt.Errorf("formstate: compress: %w", err)
	}
	buf.Write(mac(key, kind, buf.Bytes()[1:]))

	token := encoding().EncodeToString(buf.Bytes())
	if len(token) > MaxTokenLen {
		return "", fmt.Errorf("formstate: sealed %s is %d bytes, over the %d limit", kind, len(token), MaxTokenLen)
	}
	return token, nil
}

// writer is a compressor writing to w, reused when one is free.
func (s *Sealer) writer(w io.Writer) (*flate.Writer, error) {
	if zw, ok := s.writers.Get().(*flate.Writer); ok {
		zw.Reset(w)
		return zw, nil
	}
	return flate.NewWriter(w, flate.BestCompression)
}
