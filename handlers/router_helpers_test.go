package handlers_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/formstate"
	"switchboard/web"
	"switchboard/web/webtest"
)

// startRouters starts a stack for router tests and signs user in. The
// emulator's company rate limit is off: tests read straight from Dialpad
// next to the console, faster than any person, and the console paces
// itself anyway.
func startRouters(t *testing.T, user dialpad.ID, opts ...webtest.Option) *editorStack {
	t.Helper()
	opts = append([]webtest.Option{webtest.WithEmulator(emulator.Options{CompanyRPS: -1})}, opts...)
	return editorOn(t, webtest.Start(t, opts...), user)
}

// editorOn signs user in on a stack started with options of the test's own.
func editorOn(t *testing.T, st *webtest.Stack, user dialpad.ID) *editorStack {
	t.Helper()
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	return &editorStack{t: t, st: st, b: st.LoginAs(t, user), api: dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts))}
}

// router finds a seeded call router by name.
func (e *editorStack) router(name string) dialpad.CallRouter {
	e.t.Helper()
	rs, err := e.api.CallRouters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, cr := range rs {
		if cr.Name == name {
			return cr
		}
	}
	e.t.Fatalf("no call router named %q in the seed", name)
	return dialpad.CallRouter{}
}

// freshRouter reads a router from the emulator now.
func (e *editorStack) freshRouter(id dialpad.ID) dialpad.CallRouter {
	e.t.Helper()
	cr, err := e.api.CallRouter(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return *cr
}

// office finds a seeded office by name.
func (e *editorStack) office(name string) dialpad.Office {
	e.t.Helper()
	os, err := e.api.Offices(context.Background())
	if err != nil {
		e.t.Fatal(err)
	}
	for _, o := range os {
		if o.Name == name {
			return o
		}
	}
	e.t.Fatalf("no office named %q in the seed", name)
	return dialpad.Office{}
}

// pointRouter makes the router's routing requests go to url, as if someone
// changed it in Dialpad.
func (e *editorStack) pointRouter(id dialpad.ID, url string) {
	e.t.Helper()
	if err := e.st.Emulator.MutateCallRouter(id, func(cr *dialpad.CallRouter) { cr.RoutingURL = url }); err != nil {
		e.t.Fatal(err)
	}
}

// openRouter GETs a router page and returns it with its settings form as a
// browser would submit it; the request log starts empty after it.
func (e *editorStack) openRouter(id dialpad.ID) (*webtest.Response, url.Values) {
	e.t.Helper()
	path := "/routers/" + id.String()
	res := e.b.Get(path)
	if res.StatusCode != http.StatusOK {
		e.t.Fatalf("GET %s: %d\n%s", path, res.StatusCode, res.Body)
	}
	e.st.Emulator.ResetRequests()
	return res, routerForm(e.t, res.Body)
}

var (
	routerFormRE = regexp.MustCompile(`(?s)<form\b[^>]*data-testid="router-form"[^>]*>(.*?)</form>`)
	selectRE     = regexp.MustCompile(`(?s)<select\b([^>]*)>(.*?)</select>`)
	optionRE     = regexp.MustCompile(`(?s)<option\b([^>]*)>`)
)

// routerForm reads the settings form the way a browser submits it:
// inputs (checked boxes and radios only) and the selected option of each
// select.
func routerForm(t *testing.T, body string) url.Values {
	t.Helper()
	m := routerFormRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no router form on the page:\n%s", body)
	}
	form := url.Values{}
	for _, in := range inputRE.FindAllStringSubmatch(m[1], -1) {
		a := attributes(in[1])
		name, ok := a["name"]
		if !ok {
			continue
		}
		if typ := a["type"]; typ == "checkbox" || typ == "radio" {
			if _, checked := a["checked"]; !checked {
				continue
			}
		}
		form.Add(name, a["value"])
	}
	for _, sel := range selectRE.FindAllStringSubmatch(m[1], -1) {
		name := attributes(sel[1])["name"]
		for _, opt := range optionRE.FindAllStringSubmatch(sel[2], -1) {
			a := attributes(opt[1])
			if _, selected := a["selected"]; selected {
				form.Set(name, a["value"])
			}
		}
	}
	return form
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

// assertAbsent fails when s shows up in any response the browser got since
// response from (an index into Responses), or in the console's log.
func (e *editorStack) assertAbsent(s string, from int, what string) {
	e.t.Helper()
	for i, res := range e.b.Responses()[from:] {
		if strings.Contains(res.Body, s) {
			e.t.Errorf("%s shows up in response %d (%s)", what, from+i, res.URL)
		}
	}
	if strings.Contains(e.st.Logs(), s) {
		e.t.Errorf("%s shows up in the console log", what)
	}
}
