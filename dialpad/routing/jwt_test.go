package routing

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

const testSecret = "0123456789abcdef0123456789abcdef"

func TestEncodeRawJSON(t *testing.T) {
	p := SamplePayload(time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC), "+14155550100")
	body, contentType, err := Encode(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "application/json" {
		t.Errorf("content type = %q, want application/json", contentType)
	}
	var fields map[string]any
	if err := json.Unmarshal(body, &fields); err != nil {
		t.Fatalf("body is not JSON: %v", err)
	}
	for _, name := range []string{"date_started", "call_id", "external_number", "internal_number", "contact_id", "contact_type"} {
		if _, ok := fields[name]; !ok {
			t.Errorf("body lacks %q: %s", name, body)
		}
	}
	if got := fields["internal_number"]; got != "+14155550100" {
		t.Errorf("internal_number = %v", got)
	}
}

func TestEncodeVerifyJWTRoundTrip(t *testing.T) {
	now := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	p := SamplePayload(now, "+14155550100")
	token, contentType, err := Encode(p, testSecret)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "application/jwt" {
		t.Errorf("content type = %q, want application/jwt", contentType)
	}
	if bytes.Count(token, []byte(".")) != 2 {
		t.Fatalf("token %q is not three dot-separated parts", token)
	}
	header, _ := base64.RawURLEncoding.DecodeString(string(bytes.Split(token, []byte("."))[0]))
	if string(header) != `{"alg":"HS256","typ":"JWT"}` {
		t.Errorf("header = %s", header)
	}
	claims, _ := base64.RawURLEncoding.DecodeString(string(bytes.Split(token, []byte("."))[1]))
	var c map[string]any
	if err := json.Unmarshal(claims, &c); err != nil {
		t.Fatal(err)
	}
	if c["iat"] != float64(now.Unix()) || c["exp"] != float64(now.Add(tokenLifetime).Unix()) {
		t.Errorf("iat/exp = %v/%v", c["iat"], c["exp"])
	}
	if c["external_number"] != p.ExternalNumber {
		t.Errorf("claims lack the payload: %s", claims)
	}

	got, err := VerifyJWTAt(token, testSecret, now.Add(time.Second))
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if got != p {
		t.Errorf("round trip = %+v, want %+v", got, p)
	}
}

func TestVerifyJWTRejects(t *testing.T) {
	now := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	token, _, err := Encode(SamplePayload(now, "+14155550100"), testSecret)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(string(token), ".")
	otherClaims := base64.RawURLEncoding.EncodeToString([]byte(`{"call_id":1,"exp":99999999999}`))
	noneHeader := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`))
	flipped := []byte(parts[2])
	if flipped[5] == 'A' {
		flipped[5] = 'B'
	} else {
		flipped[5] = 'A'
	}

	tests := []struct {
		name   string
		token  string
		secret string
		at     time.Time
		want   error
	}{
		{"claims swapped", parts[0] + "." + otherClaims + "." + parts[2], testSecret, now, ErrBadSignature},
		{"signature changed", parts[0] + "." + parts[1] + "." + string(flipped), testSecret, now, ErrBadSignature},
		{"signature not base64", parts[0] + "." + parts[1] + "." + parts[2] + "!", testSecret, now, ErrMalformedJWT},
		{"wrong secret", string(token), strings.Repeat("x", 32), now, ErrBadSignature},
		{"no secret", string(token), "", now, ErrNoSecret},
		{"alg none", noneHeader + "." + parts[1] + ".", testSecret, now, ErrMalformedJWT},
		{"alg none signed", noneHeader + "." + parts[1] + "." + parts[2], testSecret, now, ErrMalformedJWT},
		{"two parts", parts[0] + "." + parts[1], testSecret, now, ErrMalformedJWT},
		{"raw JSON", `{"call_id":1}`, testSecret, now, ErrMalformedJWT},
		{"expired", string(token), testSecret, now.Add(tokenLifetime + time.Second), ErrExpiredJWT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := VerifyJWTAt([]byte(tt.token), tt.secret, tt.at)
			if err == nil {
				t.Fatal("verified, want rejected")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), testSecret) {
				t.Errorf("error %q reveals the secret", err)
			}
		})
	}
}

func FuzzVerifyJWT(f *testing.F) {
	now := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	token, _, err := Encode(SamplePayload(now, "+14155550100"), testSecret)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(token)
	f.Add([]byte(""))
	f.Add([]byte(".."))
	f.Add([]byte("eyJhbGciOiJub25lIn0.e30."))
	f.Add([]byte(`{"call_id":1}`))
	f.Fuzz(func(t *testing.T, token []byte) {
		p, err := VerifyJWTAt(token, testSecret, now)
		if err != nil {
			return
		}
		// Whatever verifies must carry a valid signature: re-signing what
		// was verified must give the same signature part.
		parts := strings.Split(strings.TrimSpace(string(token)), ".")
		if len(parts) != 3 {
			t.Fatalf("verified %q, which is not three parts", token)
		}
		want := base64.RawURLEncoding.EncodeToString(sign(parts[0]+"."+parts[1], testSecret))
		if parts[2] != want {
			t.Fatalf("verified %q with a signature that does not match; payload %+v", token, p)
		}
	})
}
