package demo

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/routing"
)

const testSecret = "0123456789abcdef0123456789abcdef"

var sales = routing.Answer{TargetID: 5835806903417907, TargetType: routing.TargetCallCenter}

func newService(t *testing.T, secret string) (*Service, *httptest.Server) {
	t.Helper()
	svc := New(Options{Target: sales, Secret: secret, Logger: slog.New(slog.DiscardHandler)})
	srv := httptest.NewServer(svc)
	t.Cleanup(srv.Close)
	return svc, srv
}

// exists knows only the configured target, as the emulated company would.
func exists(a routing.Answer) (string, bool) {
	if a == sales {
		return "Sales", true
	}
	return "", false
}

func TestServiceModes(t *testing.T) {
	tests := []struct {
		mode        Mode
		wantProblem string
		wantAnswer  *routing.Answer
	}{
		{Healthy, "", &sales},
		{Error500, "answered 500", nil},
		{Slow, "timed out after 50 ms", nil},
		{Garbage, "answer is not JSON", nil},
		{WrongTarget, "target call center 404 does not exist", &routing.Answer{TargetID: 404, TargetType: routing.TargetCallCenter}},
	}
	signing := []struct{ name, secret string }{{"raw JSON", ""}, {"JWT", testSecret}}
	for _, sign := range signing {
		for _, tt := range tests {
			t.Run(sign.name+"/"+string(tt.mode), func(t *testing.T) {
				secret := sign.secret
				svc, srv := newService(t, secret)
				svc.SetMode(tt.mode)
				if svc.Mode() != tt.mode {
					t.Fatalf("Mode = %q after SetMode(%q)", svc.Mode(), tt.mode)
				}
				// Only slow mode needs a short timeout (the service holds its answer
				// for seconds); the others get Dialpad's 5 s, so a busy machine
				// cannot turn a good answer into a time-out.
				c := routing.Caller{AllowPrivate: true}
				if tt.mode == Slow {
					c.Timeout = 50 * time.Millisecond
				}
				p := routing.SamplePayload(time.Now(), "+14155550100")
				res := c.Call(t.Context(), srv.URL+RoutePath, p, secret).CheckTarget(exists)

				if res.Problem != tt.wantProblem {
					t.Errorf("Problem = %q, want %q", res.Problem, tt.wantProblem)
				}
				if (res.Answer == nil) != (tt.wantAnswer == nil) || (res.Answer != nil && *res.Answer != *tt.wantAnswer) {
					t.Errorf("Answer = %+v, want %+v", res.Answer, tt.wantAnswer)
				}
				if hits := svc.status().Hits; hits != 1 {
					t.Errorf("the control page counts %d routing requests, want 1", hits)
				}
			})
		}
	}
}

func TestServiceRejectsUnsignedOrForged(t *testing.T) {
	p := routing.SamplePayload(time.Now(), "+14155550100")
	raw, _, _ := routing.Encode(p, "")
	forged, _, _ := routing.Encode(p, strings.Repeat("x", 32))
	tests := []struct {
		name string
		body []byte
	}{
		{"raw JSON", raw},
		{"signed with another secret", forged},
		{"garbage", []byte("hello")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, srv := newService(t, testSecret)
			resp, err := http.Post(srv.URL+RoutePath, routing.ContentTypeJWT, strings.NewReader(string(tt.body)))
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("status = %d, want 401", resp.StatusCode)
			}
			if strings.Contains(string(body), testSecret) {
				t.Error("the answer reveals the secret")
			}
		})
	}
}

func TestServiceControlJSON(t *testing.T) {
	tests := []struct {
		body       string
		wantStatus int
		wantMode   Mode
	}{
		{`{"mode": "slow"}`, http.StatusOK, Slow},
		{`{"mode": "wrong-target"}`, http.StatusOK, WrongTarget},
		{`{"mode": "broken"}`, http.StatusUnprocessableEntity, Healthy},
		{`mode=slow`, http.StatusBadRequest, Healthy},
	}
	for _, tt := range tests {
		t.Run(tt.body, func(t *testing.T) {
			svc, srv := newService(t, "")
			resp, err := http.Post(srv.URL+ControlPath, "application/json", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if svc.Mode() != tt.wantMode {
				t.Errorf("Mode = %q, want %q", svc.Mode(), tt.wantMode)
			}
			if tt.wantStatus != http.StatusOK {
				return
			}
			var st status
			if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
				t.Fatal(err)
			}
			if st.Mode != tt.wantMode || len(st.Modes) != len(Modes()) {
				t.Errorf("status = %+v", st)
			}
		})
	}
}

func TestServiceControlForm(t *testing.T) {
	svc, srv := newService(t, "")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	resp, err := client.PostForm(srv.URL+ControlPath, url.Values{"mode": {"error500"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "control" {
		t.Errorf("answer = %d to %q, want 303 to control", resp.StatusCode, resp.Header.Get("Location"))
	}
	if svc.Mode() != Error500 {
		t.Errorf("Mode = %q, want error500", svc.Mode())
	}

	resp, err = http.Get(srv.URL + ControlPath)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`<strong data-testid="mode">error500</strong>`,
		`value="error500" checked`,
		`name="mode" value="slow">`,
		`action="control"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
}

func TestServiceControlRefusesCrossSitePosts(t *testing.T) {
	svc, srv := newService(t, "")
	req, _ := http.NewRequest(http.MethodPost, srv.URL+ControlPath, strings.NewReader("mode=slow"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || svc.Mode() != Healthy {
		t.Errorf("cross-site post: status %d, mode %q; want 403 and healthy", resp.StatusCode, svc.Mode())
	}
}

func TestParseMode(t *testing.T) {
	for _, m := range Modes() {
		if got, err := ParseMode(string(m)); err != nil || got != m {
			t.Errorf("ParseMode(%q) = %q, %v", m, got, err)
		}
	}
	if _, err := ParseMode("Healthy"); err == nil {
		t.Error("ParseMode accepted a mode with the wrong case")
	}
}
