package handlers

import (
	"testing"

	"switchboard/dialpad"
	"switchboard/views"
)

func TestSplitRoutingURL(t *testing.T) {
	tests := []struct {
		in   string
		want views.RoutingURL
	}{
		{"https://route.example.com/dialpad/route?team=7",
			views.RoutingURL{Before: "https://", Host: "route.example.com", After: "/dialpad/route?team=7"}},
		{"https://api.example.com:8443",
			views.RoutingURL{Before: "https://", Host: "api.example.com:8443"}},
		{"https://bot:s3cret@route.example.com/x",
			views.RoutingURL{Before: "https://bot:•••@", Host: "route.example.com", After: "/x"}},
		{"not a url", views.RoutingURL{After: "not a url"}},
		{"", views.RoutingURL{}},
	}
	for _, tt := range tests {
		if got := splitRoutingURL(tt.in); got != tt.want {
			t.Errorf("splitRoutingURL(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestTargetLabel(t *testing.T) {
	tests := []struct {
		kind string
		id   dialpad.ID
		want string
	}{
		{"callcenter", 12, "Call center"},
		{"department", 3, "Department"},
		{"user", 9, "User"},
		{"staffgroup", 4, "Staff group"},
		{"", 0, "None"},
		{"", 7, "Target"},
		{"office", 0, "Office"},
		{"something_new", 5, "something_new"},
	}
	for _, tt := range tests {
		if got := targetLabel(tt.kind, tt.id); got != tt.want {
			t.Errorf("targetLabel(%q, %d) = %q, want %q", tt.kind, tt.id, got, tt.want)
		}
	}
}
