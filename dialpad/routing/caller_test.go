package routing

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// answer writes body with status.
func answer(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// hang reads the request, then answers nothing until the caller gives up.
// The server only notices a closed connection once the body has been read.
func hang(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	<-r.Context().Done()
}

func TestCallJudgesAnswers(t *testing.T) {
	tests := []struct {
		name        string
		handler     http.HandlerFunc
		caller      Caller
		wantStatus  int
		wantAnswer  *Answer
		wantProblem string
	}{
		{
			name:       "good answer",
			handler:    answer(200, `{"target_id": 5835806903417907, "target_type": "callcenter"}`),
			wantStatus: 200,
			wantAnswer: &Answer{TargetID: 5835806903417907, TargetType: "callcenter"},
		},
		{
			name:       "id as a string",
			handler:    answer(200, `{"target_id": "5835806903417907", "target_type": "user"}`),
			wantStatus: 200,
			wantAnswer: &Answer{TargetID: 5835806903417907, TargetType: "user"},
		},
		{
			name:        "server error",
			handler:     answer(500, `{"target_id": 1, "target_type": "user"}`),
			wantStatus:  500,
			wantProblem: "answered 500",
		},
		{
			name:        "garbage",
			handler:     answer(200, `<html>routing is down</html>`),
			wantStatus:  200,
			wantProblem: "answer is not JSON",
		},
		{
			name:        "empty body",
			handler:     answer(200, ``),
			wantStatus:  200,
			wantProblem: "answer is not JSON",
		},
		{
			name:        "JSON but not an object",
			handler:     answer(200, `[1, "user"]`),
			wantStatus:  200,
			wantProblem: "answer is not a JSON object",
		},
		{
			name:        "wrong target type",
			handler:     answer(200, `{"target_id": 12, "target_type": "queue"}`),
			wantStatus:  200,
			wantProblem: `target_type "queue" is not one of office, callcenter, user, department`,
		},
		{
			name:        "missing target_type",
			handler:     answer(200, `{"target_id": 12}`),
			wantStatus:  200,
			wantProblem: "target_type is missing",
		},
		{
			name:        "missing target_id",
			handler:     answer(200, `{"target_type": "office"}`),
			wantStatus:  200,
			wantProblem: "target_id is missing",
		},
		{
			name:        "target_id not a number",
			handler:     answer(200, `{"target_id": "sales", "target_type": "office"}`),
			wantStatus:  200,
			wantProblem: "target_id is not an id",
		},
		{
			name:        "oversized body",
			handler:     answer(200, `{"target_id": 12, "target_type": "office", "pad": "`+strings.Repeat("x", 64<<10)+`"}`),
			wantStatus:  200,
			wantProblem: "answer larger than 64 KiB",
		},
		{
			name:        "smaller limit",
			handler:     answer(200, `{"target_id": 12, "target_type": "office"}`),
			caller:      Caller{MaxBody: 10},
			wantStatus:  200,
			wantProblem: "answer larger than 10 bytes",
		},
		{
			name: "redirect",
			handler: func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/moved" {
					answer(200, `{"target_id": 12, "target_type": "office"}`)(w, r)
					return
				}
				http.Redirect(w, r, "/moved", http.StatusFound)
			},
			wantStatus:  302,
			wantProblem: "answered 302 redirect; Dialpad does not follow redirects",
		},
		{
			name:        "timeout",
			handler:     hang,
			caller:      Caller{Timeout: 50 * time.Millisecond},
			wantProblem: "timed out after 50 ms",
		},
		{
			name: "timeout while the body trickles",
			handler: func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, `{"target_id": `)
				w.(http.Flusher).Flush()
				hang(w, r)
			},
			// Long enough for the headers to arrive on a loaded machine:
			// the status must be read before the body times out.
			caller:      Caller{Timeout: time.Second},
			wantStatus:  200,
			wantProblem: "timed out after 1 s",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			defer srv.Close()
			c := tt.caller
			c.AllowPrivate = true // the test server is on loopback
			res := c.Call(t.Context(), srv.URL, SamplePayload(time.Now(), "+14155550100"), "")

			if res.Status != tt.wantStatus {
				t.Errorf("Status = %d, want %d", res.Status, tt.wantStatus)
			}
			if res.Problem != tt.wantProblem {
				t.Errorf("Problem = %q, want %q", res.Problem, tt.wantProblem)
			}
			if res.IsRoutingError() != (tt.wantProblem != "") {
				t.Errorf("IsRoutingError = %v with problem %q", res.IsRoutingError(), res.Problem)
			}
			switch {
			case tt.wantAnswer == nil && res.Answer != nil:
				t.Errorf("Answer = %+v, want none", *res.Answer)
			case tt.wantAnswer != nil && (res.Answer == nil || *res.Answer != *tt.wantAnswer):
				t.Errorf("Answer = %+v, want %+v", res.Answer, *tt.wantAnswer)
			}
		})
	}
}

func TestCallSendsDialpadRequest(t *testing.T) {
	tests := []struct {
		name            string
		secret          string
		wantContentType string
	}{
		{"raw JSON without a secret", "", "application/json"},
		{"JWT with a secret", testSecret, "application/jwt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			type seen struct {
				method, contentType string
				body                []byte
			}
			got := make(chan seen, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body)
				got <- seen{r.Method, r.Header.Get("Content-Type"), body}
				answer(200, `{"target_id": 7, "target_type": "office"}`)(w, r)
			}))
			defer srv.Close()

			p := SamplePayload(time.Now(), "+14155550100")
			c := Caller{AllowPrivate: true}
			if res := c.Call(t.Context(), srv.URL, p, tt.secret); res.IsRoutingError() {
				t.Fatalf("routing error: %s", res.Problem)
			}
			s := <-got
			if s.method != http.MethodPost || s.contentType != tt.wantContentType {
				t.Errorf("request = %s %s, want POST %s", s.method, s.contentType, tt.wantContentType)
			}
			want, _, _ := Encode(p, tt.secret)
			if string(s.body) != string(want) {
				t.Errorf("body = %s, want %s", s.body, want)
			}
			if tt.secret != "" {
				if _, err := VerifyJWT(s.body, tt.secret); err != nil {
					t.Errorf("the routing service cannot verify the request: %v", err)
				}
			}
		})
	}
}

func TestCallMeasuresLatencyWithItsClock(t *testing.T) {
	srv := httptest.NewServer(answer(200, `{"target_id": 7, "target_type": "callcenter"}`))
	defer srv.Close()
	t0 := time.Date(2025, 3, 4, 9, 30, 0, 0, time.UTC)
	ticks := []time.Time{t0, t0.Add(120 * time.Millisecond)}
	c := Caller{AllowPrivate: true, Now: func() time.Time {
		now := ticks[0]
		ticks = ticks[1:]
		return now
	}}
	res := c.Call(t.Context(), srv.URL, SamplePayload(t0, "+14155550100"), "")
	if res.Latency != 120*time.Millisecond {
		t.Errorf("Latency = %v, want 120ms", res.Latency)
	}
	sales := func(Answer) (string, bool) { return "Sales", true }
	if got, want := res.Summary(sales), "Would be routed to Sales (call center) in 120 ms."; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
}

func TestCallRefusesBadURLs(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"ftp://example.com/route", "refused: the routing URL must start with https:// or http://"},
		{"file:///etc/passwd", "refused: the routing URL must start with https:// or http://"},
		{"/route", "refused: the routing URL must start with https:// or http://"},
		{"http:///route", "refused: the routing URL has no host"},
		{"http://exa mple.com/", "refused: the routing URL is not a valid URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			var c Caller
			res := c.Call(t.Context(), tt.url, SamplePayload(time.Now(), "+14155550100"), "")
			if res.Problem != tt.want {
				t.Errorf("Problem = %q, want %q", res.Problem, tt.want)
			}
		})
	}
}

func TestCallCancelledByCaller(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hang))
	defer srv.Close()
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	c := Caller{AllowPrivate: true}
	res := c.Call(ctx, srv.URL, SamplePayload(time.Now(), "+14155550100"), "")
	if res.Problem != "cancelled before an answer came" {
		t.Errorf("Problem = %q", res.Problem)
	}
}

func TestCallTransportFailures(t *testing.T) {
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()
	hangUp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer hangUp.Close()
	tests := []struct {
		name, url, want string
	}{
		{"nothing listening", closedURL, "connection refused"},
		{"hung up without answering", hangUp.URL, "connection closed before an answer came"},
		{"unknown host", "http://nowhere.test/route", "host nowhere.test not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Caller{AllowPrivate: true, Resolver: &fakeResolver{}}
			res := c.Call(t.Context(), tt.url, SamplePayload(time.Now(), "+14155550100"), "")
			if res.Problem != tt.want {
				t.Errorf("Problem = %q, want %q", res.Problem, tt.want)
			}
		})
	}
}
