package web_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/go-chi/chi/v5"

	"switchboard/web"
	"switchboard/web/webtest"
)

// Every route in the table declares what it does: an action, checked
// before its handler runs, or public. A new route registered without a
// rule fails here.
func TestEveryRouteHasARule(t *testing.T) {
	st := webtest.Start(t)
	var public []string
	n := 0
	err := chi.Walk(st.Server.Routes(), func(method, route string, h http.Handler, _ ...func(http.Handler) http.Handler) error {
		n++
		action, isPublic, ok := web.RouteRule(h)
		switch {
		case !ok:
			t.Errorf("%s %s has no rule: register it with s.allow(access.X, ...)", method, route)
		case isPublic:
			public = append(public, method+" "+route)
		case action == "":
			t.Errorf("%s %s has an empty action", method, route)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 30 {
		t.Fatalf("walked only %d routes", n)
	}
	// Public: probes, assets and signing in and out, nothing else.
	for _, p := range public {
		method, route, _ := cut(p)
		switch route {
		case "/healthz", "/readyz", "/static/*", "/login", "/auth/callback", "/logout", "/signed-out":
		default:
			t.Errorf("%s %s is public", method, route)
		}
	}
	if !slices.Contains(public, "GET /login") || !slices.Contains(public, "POST /logout") {
		t.Errorf("signing in and out are not public: %v", public)
	}
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == ' ' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
