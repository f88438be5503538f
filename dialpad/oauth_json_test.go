package dialpad

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// tokenConfig is an x/oauth2 config for the fake, its token requests sent
// through JSONTokenRequests.
func tokenConfig(f *fakeDialpad) (*oauth2.Config, context.Context) {
	conf := &oauth2.Config{
		ClientID:     "app-id",
		ClientSecret: "app-secret",
		RedirectURL:  "https://switchboard.example/auth/callback",
		Endpoint: oauth2.Endpoint{
			AuthURL:   f.URL + "/oauth2/authorize",
			TokenURL:  f.URL + "/oauth2/token",
			AuthStyle: oauth2.AuthStyleInParams,
		},
	}
	hc := &http.Client{Transport: JSONTokenRequests(nil, conf.Endpoint.TokenURL)}
	return conf, context.WithValue(context.Background(), oauth2.HTTPClient, hc)
}

func TestTokenRequestsAreJSON(t *testing.T) {
	tests := []struct {
		name string
		run  func(*oauth2.Config, context.Context) (*oauth2.Token, error)
		want map[string]string
	}{
		{"code exchange with PKCE", func(conf *oauth2.Config, ctx context.Context) (*oauth2.Token, error) {
			return conf.Exchange(ctx, "the-code", oauth2.VerifierOption("the-verifier"))
		}, map[string]string{"grant_type": "authorization_code", "code": "the-code", "code_verifier": "the-verifier",
			"client_id": "app-id", "client_secret": "app-secret"}},
		{"refresh", func(conf *oauth2.Config, ctx context.Context) (*oauth2.Token, error) {
			return conf.TokenSource(ctx, &oauth2.Token{RefreshToken: "the-refresh"}).Token()
		}, map[string]string{"grant_type": "refresh_token", "refresh_token": "the-refresh",
			"client_id": "app-id", "client_secret": "app-secret"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
				answer(w, http.StatusOK, `{"access_token":"at","refresh_token":"rt","token_type":"bearer","expires_in":3600}`)
			})
			conf, ctx := tokenConfig(f)
			tok, err := tt.run(conf, ctx)
			if err != nil || tok.AccessToken != "at" || tok.RefreshToken != "rt" || tok.ExpiresIn != 3600 {
				t.Fatalf("token %+v, err %v", tok, err)
			}
			req := f.requests()[0]
			if ct := req.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q, want application/json", ct)
			}
			// Every value a JSON string, and no field the spec's body lacks
			// (redirect_uri included).
			var got map[string]any
			if err := json.Unmarshal([]byte(req.Body), &got); err != nil {
				t.Fatalf("body is not JSON: %v\n%s", err, req.Body)
			}
			if len(got) != len(tt.want) {
				t.Errorf("body has fields %v, want exactly %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %#v, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestTokenErrorsStayReadable(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		answer(w, http.StatusBadRequest, `{"error":"invalid_grant","error_description":"refresh token already used"}`)
	})
	conf, ctx := tokenConfig(f)
	_, err := conf.TokenSource(ctx, &oauth2.Token{RefreshToken: "rt"}).Token()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" || re.Response.StatusCode != http.StatusBadRequest {
		t.Fatalf("error %v, want a RetrieveError with invalid_grant and the 400", err)
	}
}

func TestJSONTokenRequestsLeavesOtherRequestsAlone(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{}`) })
	hc := &http.Client{Transport: JSONTokenRequests(nil, f.URL+"/oauth2/token")}
	tests := []struct {
		name, method, path, contentType, body string
	}{
		{"a form elsewhere", http.MethodPost, "/oauth2/authorize", "application/x-www-form-urlencoded", "decision=allow"},
		{"an API write", http.MethodPatch, "/api/v2/callcenters/1", "application/json", `{"name":"x"}`},
		{"already JSON", http.MethodPost, "/oauth2/token", "application/json", `{"grant_type":"refresh_token"}`},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, f.URL+tt.path, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.contentType)
			res, err := hc.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			got := f.requests()[i]
			if got.Body != tt.body || got.Header.Get("Content-Type") != tt.contentType {
				t.Errorf("sent %s %q, want %s %q unchanged", got.Header.Get("Content-Type"), got.Body, tt.contentType, tt.body)
			}
		})
	}
}

func TestJSONTokenRequestsRefusesUnknownFields(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{}`) })
	hc := &http.Client{Transport: JSONTokenRequests(nil, f.URL+"/oauth2/token")}
	for _, form := range []url.Values{
		{"grant_type": {"password"}, "username": {"u"}, "password": {"p-secret"}},
		{"grant_type": {"refresh_token"}, "refresh_token": {"rt-secret"}, "scope": {"x"}},
	} {
		_, err := hc.PostForm(f.URL+"/oauth2/token", form)
		if err == nil {
			t.Errorf("%v was sent", form)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("error %q repeats a value", err)
		}
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("%d requests reached Dialpad", n)
	}
}
