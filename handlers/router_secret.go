package handlers

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"switchboard/views"
)

// The signing secret is write-only. Dialpad never returns it; the console
// shows a new one once, in the answer to the request that set it, and
// otherwise only says whether one is set. It never goes into a sealed base,
// a flash, a redirect, a log line or an error message.

// secretBytes of randomness make a 43-character base64url secret, well
// over Dialpad's minimum of 32 characters.
const secretBytes = 32

// generateSecret is a strong random secret.
func generateSecret() string {
	b := make([]byte, secretBytes)
	// crypto/rand.Read never fails (it crashes the program instead).
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// checkSecret says what is wrong with a pasted secret, or "". The message
// never repeats the secret.
func checkSecret(s string) string {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		return "Paste your secret, or choose to generate one."
	case n < minRouterSecret:
		return fmt.Sprintf("A secret needs at least %d characters; this one has %d. Generate one if you like.", minRouterSecret, n)
	case n > maxRouterSecret:
		return fmt.Sprintf("Keep the secret to %d characters or fewer.", maxRouterSecret)
	case strings.ContainsFunc(s, unicode.IsControl):
		return "The secret must fit on one line."
	case strings.TrimSpace(s) != s:
		return "The secret starts or ends with a space; remove it, or your routing service may not match it."
	}
	return ""
}

// newSecret is the secret the form asks to set, or "" to leave it.
func (f *routerForm) newSecret() string {
	switch f.SecretAction {
	case views.SecretGenerate:
		return generateSecret()
	case views.SecretPaste:
		return f.Secret
	}
	return ""
}

// pastedSecretNote explains the empty secret field of a form that comes
// back (invalid input, a conflict, Dialpad failing) after the person
// pasted a secret: it was not set, and a page never carries it back.
func pastedSecretNote(f routerForm) string {
	if f.SecretAction != views.SecretPaste || f.Secret == "" {
		return ""
	}
	return "The secret you pasted was not saved, and for safety it is not shown again: paste it again before saving."
}
