// Package formstate carries the resource a form was rendered from (its
// "base") inside the form itself, sealed: compact (JSON, then DEFLATE) and
// tamper-evident (HMAC-SHA256). A save can then diff against exactly what the
// person saw, whichever tab it came from and even after a server restart,
// without any server-side storage.
//
// The seal is not encryption: the person can read what it holds, which is
// only what the page already showed them. Nor does it expire; a replayed base
// at worst turns an upstream change into a conflict the person resolves.
package formstate

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
)

// ErrTampered is returned for any token Open will not trust: altered,
// sealed for another kind or with another key, truncated, oversized or not a
// token at all.
var ErrTampered = errors.New("formstate: form state is invalid or was altered")

const (
	// version is the first byte of every token, so the format can change
	// without old tokens being misread.
	version byte = 1
	// MinKeyLen is the shortest key Sealer.Seal and Open accept.
	MinKeyLen = 32
	// MaxTokenLen caps a token's encoded size; Sealer.Seal refuses to produce a
	// longer one and Open rejects it unread.
	MaxTokenLen = 64 << 10
	// MaxPayloadLen caps the JSON a token may inflate to.
	MaxPayloadLen = 1 << 20
	macLen        = sha256.Size
)

// mac covers the version, the kind (length-prefixed, so kind and payload
// cannot trade bytes) and the compressed payload.
func mac(key []byte, kind string, payload []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte{version})
	m.Write(binary.AppendUvarint(nil, uint64(len(kind))))
	m.Write([]byte(kind))
	m.Write(payload)
	return m.Sum(nil)
}

// encoding is strict, so each token has exactly one spelling.
func encoding() *base64.Encoding { return base64.RawURLEncoding.Strict() }
