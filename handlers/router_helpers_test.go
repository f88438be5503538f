package handlers_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/formstate"
	"switchboard/web"
	"switchboard/web/webtest"
)

// pointRouter makes the router's routing requests go to url, as if someone
// changed it in Dialpad.
func (s *stack) pointRouter(id dialpad.ID, url string) {
	s.t.Helper()
	if err := s.Emulator.MutateCallRouter(id, func(cr *dialpad.CallRouter) { cr.RoutingURL = url }); err != nil {
		s.t.Fatal(err)
	}
}

// openRouter GETs a router page and returns it with its settings form as a
// browser would submit it; the request log starts empty after it.
func (s *stack) openRouter(id dialpad.ID) (*webtest.Response, url.Values) {
	s.t.Helper()
	res, form := s.openForm("/routers/"+id.String(), "router-form")
	s.Emulator.ResetRequests()
	return res, form
}

// sealedRouter opens the sealed base of a router form as raw JSON, the way
// anyone reading the page could.
func sealedRouter(t *testing.T, id dialpad.ID, token string) string {
	t.Helper()
	key := web.Config{ClientSecret: emulator.DefaultClientSecret}.FormKey()
	var raw map[string]any
	if err := formstate.Open(key, "callrouter:"+id.String(), token, &raw); err != nil {
		t.Fatalf("opening the sealed base: %v", err)
	}
	return strings.Join(flatten(raw), " ")
}

func flatten(v any) []string {
	switch x := v.(type) {
	case map[string]any:
		var out []string
		for k, e := range x {
			out = append(out, k)
			out = append(out, flatten(e)...)
		}
		return out
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, flatten(e)...)
		}
		return out
	case string:
		return []string{x}
	}
	return nil
}

// routingService is a routing service answering every request with status
// and body; each request body goes to the returned channel.
func routingService(t *testing.T, status int, body string) (string, <-chan []byte) {
	t.Helper()
	got := make(chan []byte, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- b
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/route", got
}

// blockingService is a routing service that never answers: it holds each
// request until the caller gives up. Each request body goes to the
// returned channel, so a test knows the request did arrive.
func blockingService(t *testing.T) (string, <-chan []byte) {
	t.Helper()
	got := make(chan []byte, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- b
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/route", got
}

// assertAbsent fails when secret shows up in any response the browser got since
// response from (an index into Responses), or in the console's log.
func (s *stack) assertAbsent(secret string, from int, what string) {
	s.t.Helper()
	for i, res := range s.b.Responses()[from:] {
		if strings.Contains(res.Body, secret) {
			s.t.Errorf("%s shows up in response %d (%s)", what, from+i, res.URL)
		}
	}
	if strings.Contains(s.Logs(), secret) {
		s.t.Errorf("%s shows up in the console log", what)
	}
}

// wantSecretAskedAgain asserts a form that came back after a secret was
// pasted: the secret is nowhere in the page, its field is empty, and a
// sentence next to it says why.
func wantSecretAskedAgain(t *testing.T, body, secret string) {
	t.Helper()
	if strings.Contains(body, secret) {
		t.Error("the page carries the pasted secret")
	}
	if got := formOf(t, body, "router-form").Get("secret"); got != "" {
		t.Errorf("secret field = %q, want empty", got)
	}
	if note := testText(body, "secret-note"); !strings.Contains(note, "paste it again") {
		t.Errorf("secret note = %q, want a sentence asking to paste it again", note)
	}
}
