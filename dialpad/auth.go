package dialpad

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"

	"golang.org/x/oauth2"
)

// tokenError marks a failure of the token source, so the client reports it
// as 401 (log in again) instead of a network failure worth retrying.
type tokenError struct{ err error }

func (e *tokenError) Error() string { return "obtaining access token: " + e.err.Error() }
func (e *tokenError) Unwrap() error { return e.err }

// markedSource wraps token source errors in tokenError.
type markedSource struct{ ts oauth2.TokenSource }

func (s markedSource) Token() (*oauth2.Token, error) {
	t, err := s.ts.Token()
	if err != nil {
		return nil, &tokenError{err}
	}
	return t, nil
}

// tokenAPIError turns a token source failure into a 401 whose message names
// the OAuth error code at most: the token endpoint's body is not repeated.
func tokenAPIError(method, path string, te *tokenError) *APIError {
	msg := "access token unavailable"
	var re *oauth2.RetrieveError
	if errors.As(te.err, &re) && re.ErrorCode != "" {
		msg += ": " + truncate(re.ErrorCode, 64)
	}
	return &APIError{StatusCode: http.StatusUnauthorized, Message: msg, Method: method, Path: path}
}

// sentAuth remembers the credential a request carried, so anything the
// server echoes back can be scrubbed before it reaches an error message.
type sentAuth struct {
	mu         sync.Mutex
	credential string
}

type sentAuthKey struct{}

func withSentAuth(ctx context.Context) (context.Context, *sentAuth) {
	s := &sentAuth{}
	return context.WithValue(ctx, sentAuthKey{}, s), s
}

func (s *sentAuth) set(header string) {
	_, cred, ok := strings.Cut(header, " ")
	if !ok {
		cred = header
	}
	s.mu.Lock()
	s.credential = strings.TrimSpace(cred)
	s.mu.Unlock()
}

// redact replaces the credential in text.
func (s *sentAuth) redact(text string) string {
	s.mu.Lock()
	cred := s.credential
	s.mu.Unlock()
	if cred == "" {
		return text
	}
	return strings.ReplaceAll(text, cred, "[redacted]")
}

// captureAuth sits under oauth2.Transport and records the Authorization
// header it added, for sentAuth.
type captureAuth struct{ base http.RoundTripper }

func (t captureAuth) RoundTrip(req *http.Request) (*http.Response, error) {
	if s, ok := req.Context().Value(sentAuthKey{}).(*sentAuth); ok {
		if h := req.Header.Get("Authorization"); h != "" {
			s.set(h)
		}
	}
	return t.base.RoundTrip(req)
}
