package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/", "/"},
		{"/callcenters?office_id=1&q=sales", "/callcenters?office_id=1&q=sales"},
		{"", "/"},
		{"callcenters", "/"},
		{"//evil.example", "/"},
		{"///evil.example", "/"},
		{`/\evil.example`, "/"},
		{`/a\b`, "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{"/ok\r\nSet-Cookie: x=1", "/"},
		{"/tab\there", "/"},
	}
	for _, tt := range tests {
		if got := safeNext(tt.in); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestReturnPath(t *testing.T) {
	tests := []struct {
		name    string
		method  string
		target  string
		headers map[string]string
		want    string
	}{
		{"page view", http.MethodGet, "/callcenters?q=x", nil, "/callcenters?q=x"},
		{"htmx uses the page it came from", http.MethodGet, "/callcenters/rows?q=x",
			map[string]string{"HX-Request": "true", "HX-Current-URL": "http://console.test/callcenters?q=x"}, "/callcenters?q=x"},
		{"htmx from elsewhere", http.MethodGet, "/callcenters/rows",
			map[string]string{"HX-Request": "true", "HX-Current-URL": "http://evil.example/x"}, "/"},
		{"form post goes back to its page", http.MethodPost, "/callcenters/1/hours",
			map[string]string{"Referer": "http://console.test/callcenters/1"}, "/callcenters/1"},
		{"form post from another site", http.MethodPost, "/callcenters/1/hours",
			map[string]string{"Referer": "http://evil.example/callcenters/1"}, "/"},
		{"form post without referer", http.MethodPost, "/callcenters/1/hours", nil, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(tt.method, "http://console.test"+tt.target, nil)
			for k, v := range tt.headers {
				r.Header.Set(k, v)
			}
			if got := returnPath(r); got != tt.want {
				t.Errorf("returnPath = %q, want %q", got, tt.want)
			}
		})
	}
}
