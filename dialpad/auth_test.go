package dialpad

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

const secretToken = "at-s3cr3t-0123456789abcdef"

func TestTokenSourceSendsBearer(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{"id":"1"}`) })
	hc := &http.Client{}
	c := f.client(WithHTTPClient(hc), WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: secretToken})))
	if _, err := c.Me(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := f.requests()[0].Header.Get("Authorization"); got != "Bearer "+secretToken {
		t.Errorf("Authorization %q", got)
	}
	if hc.Transport != nil || hc.CheckRedirect != nil {
		t.Error("New modified the caller's http.Client")
	}
}

// Whatever the server echoes back, and however the call fails, the access
// token must not reach the error text.
func TestErrorsNeverContainTheToken(t *testing.T) {
	echo := func(status int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			answer(w, status, dialpadError(status, "bad header "+r.Header.Get("Authorization")))
		}
	}
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"401 echoing the header", echo(401)},
		{"400 echoing the header", echo(400)},
		{"503 echoing the header", echo(503)},
		{"200 with a broken body", func(w http.ResponseWriter, r *http.Request) {
			answer(w, http.StatusOK, "oops "+r.Header.Get("Authorization"))
		}},
		{"dropped connection", drop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.handler)
			c := f.client(WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: secretToken})))
			_, err := c.CallCenter(t.Context(), 7)
			if err == nil {
				t.Fatal("no error")
			}
			if strings.Contains(err.Error(), secretToken) || strings.Contains(fmt.Sprintf("%+v", err), secretToken) {
				t.Fatalf("error leaks the token: %v", err)
			}
			if f.requests()[0].Header.Get("Authorization") != "Bearer "+secretToken {
				t.Fatal("the token was not sent, so the test proves nothing")
			}
		})
	}
}

type failingSource struct{ err error }

func (s failingSource) Token() (*oauth2.Token, error) { return nil, s.err }

func TestTokenSourceFailureIsUnauthorized(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{}`) })
	src := failingSource{&oauth2.RetrieveError{
		Response:  &http.Response{Status: "400 Bad Request"},
		Body:      []byte(`{"error":"invalid_grant","refresh_token":"rt-secret"}`),
		ErrorCode: "invalid_grant",
	}}
	_, err := f.client(WithTokenSource(src)).Company(t.Context())
	if !errors.Is(err, ErrUnauthorized) {
		t.Fatalf("error %v, want ErrUnauthorized", err)
	}
	if !strings.Contains(err.Error(), "invalid_grant") || strings.Contains(err.Error(), "rt-secret") {
		t.Errorf("error %q: want the OAuth code, never the token endpoint's body", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests reached Dialpad without a token", n)
	}
}

func TestRedirectToAnotherHostKeepsTheToken(t *testing.T) {
	elsewhere := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{"id":"1"}`) })
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+r.URL.Path, http.StatusFound)
	})
	c := f.client(WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: secretToken})))
	if _, err := c.Company(t.Context()); err == nil {
		t.Error("a redirect off Dialpad's host succeeded")
	}
	if n := len(elsewhere.requests()); n != 0 {
		t.Errorf("the other host received %d requests", n)
	}
}
