package handlers_test

import (
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// editorStack is a console and emulator with one person signed in.
type editorStack struct {
	t   *testing.T
	st  *webtest.Stack
	b   *webtest.Browser
	api *dialpad.Client // straight to the emulator, as the company admin
}

func startEditor(t *testing.T, user dialpad.ID) *editorStack {
	t.Helper()
	st := webtest.Start(t)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	return &editorStack{t: t, st: st, b: st.LoginAs(t, user), api: dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts))}
}

// callCenter finds a seeded call center by name.
func (e *editorStack) callCenter(name string) dialpad.CallCenter {
	e.t.Helper()
	ccs, err := e.api.CallCenters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, cc := range ccs {
		if cc.Name == name {
			return cc
		}
	}
	e.t.Fatalf("no call center named %q in the seed", name)
	return dialpad.CallCenter{}
}

// department finds a seeded department by name.
func (e *editorStack) department(name string) dialpad.Department {
	e.t.Helper()
	ds, err := e.api.Departments(context.Background(), dialpad.ListFilter{})
	if err != nil {
		e.t.Fatal(err)
	}
	for _, d := range ds {
		if d.Name == name {
			return d
		}
	}
	e.t.Fatalf("no department named %q in the seed", name)
	return dialpad.Department{}
}

// fresh reads a call center from the emulator now.
func (e *editorStack) fresh(id dialpad.ID) dialpad.CallCenter {
	e.t.Helper()
	cc, err := e.api.CallCenter(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return *cc
}

// open GETs an editor page and returns it with the form it holds, as a
// browser would submit it.
func (e *editorStack) open(path string) (*webtest.Response, url.Values) {
	e.t.Helper()
	res := e.b.Get(path)
	if res.StatusCode != http.StatusOK {
		e.t.Fatalf("GET %s: %d\n%s", path, res.StatusCode, res.Body)
	}
	return res, pageForm(e.t, res.Body)
}

// writes are the requests that change something in Dialpad.
func (e *editorStack) writes() []emulator.Request {
	var out []emulator.Request
	for _, r := range e.st.Emulator.Requests() {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

// onePatch asserts exactly one write, a PATCH to path with body want.
func (e *editorStack) onePatch(path, want string) {
	e.t.Helper()
	ws := e.writes()
	if len(ws) != 1 {
		e.t.Fatalf("Dialpad received %d writes, want exactly one PATCH: %s", len(ws), describe(ws))
	}
	if ws[0].Method != http.MethodPatch || ws[0].Path != path {
		e.t.Fatalf("write is %s %s, want PATCH %s", ws[0].Method, ws[0].Path, path)
	}
	if got := compactJSON(e.t, ws[0].Body); got != want {
		e.t.Errorf("PATCH body\n got %s\nwant %s", got, want)
	}
}

// nothingSent asserts Dialpad received no write.
func (e *editorStack) nothingSent() {
	e.t.Helper()
	if ws := e.writes(); len(ws) > 0 {
		e.t.Errorf("Dialpad received writes, want none: %s", describe(ws))
	}
}

func describe(rs []emulator.Request) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("\n  " + r.Method + " " + r.Path + " " + string(r.Body))
	}
	return b.String()
}

func compactJSON(t *testing.T, b []byte) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("body is not JSON: %q", b)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

var (
	formRE     = regexp.MustCompile(`(?s)<form\b[^>]*data-testid="hours-form"[^>]*>(.*?)</form>`)
	inputRE    = regexp.MustCompile(`(?s)<input\b([^>]*)>`)
	textareaRE = regexp.MustCompile(`(?s)<textarea\b([^>]*)>(.*?)</textarea>`)
	attrRE     = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?`)
)

// pageForm reads the editor's form the way a browser submits it: inputs
// in order, checked boxes only, textareas; no buttons.
func pageForm(t *testing.T, body string) url.Values {
	t.Helper()
	m := formRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no hours form on the page:\n%s", body)
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
	for _, ta := range textareaRE.FindAllStringSubmatch(m[1], -1) {
		form.Add(attributes(ta[1])["name"], html.UnescapeString(ta[2]))
	}
	return form
}

func attributes(s string) map[string]string {
	a := map[string]string{}
	for _, m := range attrRE.FindAllStringSubmatch(s, -1) {
		a[m[1]] = html.UnescapeString(m[2])
	}
	return a
}

// testText is the text of the first element with data-testid id, tags
// stripped and spaces collapsed; "" when there is none.
func testText(body, id string) string {
	i := strings.Index(body, `data-testid="`+id+`"`)
	if i < 0 {
		return ""
	}
	rest := body[i:]
	start := strings.Index(rest, ">")
	if start < 0 {
		return ""
	}
	rest = rest[start+1:]
	// The element's text runs to the tag closing it; nested tags are stripped.
	depth, end := 0, len(rest)
	for j := 0; j < len(rest); j++ {
		if rest[j] != '<' {
			continue
		}
		switch {
		case strings.HasPrefix(rest[j:], "</"):
			if depth == 0 {
				end = j
				j = len(rest)
				continue
			}
			depth--
		case !selfClosing(rest[j:]):
			depth++
		}
	}
	text := regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(rest[:end], "")
	return strings.Join(strings.Fields(html.UnescapeString(text)), " ")
}

func selfClosing(tag string) bool {
	end := strings.Index(tag, ">")
	if end < 0 {
		return true
	}
	t := tag[:end]
	if strings.HasSuffix(t, "/") {
		return true
	}
	for _, void := range []string{"<input", "<br", "<img", "<hr", "<meta", "<link"} {
		if strings.HasPrefix(t, void) {
			return true
		}
	}
	return false
}

// clone copies a form, so a test's edits leave the page's form alone.
func clone(form url.Values) url.Values {
	out := url.Values{}
	for k, v := range form {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// withDay returns form with one day's times replaced.
func withDay(form url.Values, field string, times ...string) url.Values {
	out := clone(form)
	out[field] = times
	return out
}

// with returns form with fields set.
func with(form url.Values, kv ...string) url.Values {
	out := clone(form)
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}
