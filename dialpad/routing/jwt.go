package routing

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Content types of a routing request body.
const (
	ContentTypeJSON = "application/json"
	ContentTypeJWT  = "application/jwt"
)

// tokenLifetime is how long a signed routing request stays valid. Routing
// answers are due within seconds; the margin absorbs clock skew between
// the signer and the routing service.
const tokenLifetime = 5 * time.Minute

// maxTokenBytes bounds what VerifyJWT will parse; a routing request is a
// few hundred bytes.
const maxTokenBytes = 16 << 10

// jwtHeader is the only header Encode writes, and the only alg VerifyJWT
// accepts: accepting "none" or another alg would let anyone forge calls.
const jwtHeader = `{"alg":"HS256","typ":"JWT"}`

// Verification errors. They never include the token or the secret.
var (
	ErrMalformedJWT = errors.New("routing: malformed JWT")
	ErrBadSignature = errors.New("routing: JWT signature does not match")
	ErrExpiredJWT   = errors.New("routing: JWT expired")
	ErrNoSecret     = errors.New("routing: no secret to verify the JWT with")
)

// claims is the JWT body: the payload fields next to iat and exp.
type claims struct {
	Payload
	IssuedAt  int64 `json:"iat"`
	ExpiresAt int64 `json:"exp"`
}

var b64 = base64.RawURLEncoding.Strict()

// Encode returns the routing request body and its content type: raw JSON
// when secret is empty, else an HS256 JWT whose claims are the payload
// fields plus iat (the call's start) and exp.
func Encode(p Payload, secret string) (body []byte, contentType string, err error) {
	if secret == "" {
		body, err = json.Marshal(p)
		if err != nil {
			return nil, "", fmt.Errorf("routing: encode payload: %w", err)
		}
		return body, ContentTypeJSON, nil
	}
	iat := p.DateStarted / 1000
	c, err := json.Marshal(claims{Payload: p, IssuedAt: iat, ExpiresAt: iat + int64(tokenLifetime/time.Second)})
	if err != nil {
		return nil, "", fmt.Errorf("routing: encode claims: %w", err)
	}
	signingInput := b64.EncodeToString([]byte(jwtHeader)) + "." + b64.EncodeToString(c)
	token := signingInput + "." + b64.EncodeToString(sign(signingInput, secret))
	return []byte(token), ContentTypeJWT, nil
}

// VerifyJWT checks an HS256 routing request signed with secret and not yet
// expired, and returns its payload.
func VerifyJWT(token []byte, secret string) (Payload, error) {
	return VerifyJWTAt(token, secret, time.Now())
}

// VerifyJWTAt is VerifyJWT with the expiry judged at now.
func VerifyJWTAt(token []byte, secret string, now time.Time) (Payload, error) {
	if secret == "" {
		// An empty HMAC key is one anybody can sign with.
		return Payload{}, ErrNoSecret
	}
	token = bytes.TrimSpace(token)
	if len(token) > maxTokenBytes {
		return Payload{}, ErrMalformedJWT
	}
	parts := bytes.Split(token, []byte("."))
	if len(parts) != 3 {
		return Payload{}, ErrMalformedJWT
	}
	header, err := b64.DecodeString(string(parts[0]))
	if err != nil {
		return Payload{}, ErrMalformedJWT
	}
	var h struct {
		Alg string `json:"alg"`
	}
	if json.Unmarshal(header, &h) != nil || h.Alg != "HS256" {
		return Payload{}, ErrMalformedJWT
	}
	sig, err := b64.DecodeString(string(parts[2]))
	if err != nil {
		return Payload{}, ErrMalformedJWT
	}
	signingInput := string(token[:len(parts[0])+1+len(parts[1])])
	if !hmac.Equal(sig, sign(signingInput, secret)) {
		return Payload{}, ErrBadSignature
	}
	body, err := b64.DecodeString(string(parts[1]))
	if err != nil {
		return Payload{}, ErrMalformedJWT
	}
	var c claims
	if err := json.Unmarshal(body, &c); err != nil {
		return Payload{}, ErrMalformedJWT
	}
	if now.Unix() > c.ExpiresAt {
		return Payload{}, ErrExpiredJWT
	}
	return c.Payload, nil
}

func sign(signingInput, secret string) []byte {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(signingInput))
	return mac.Sum(nil)
}
