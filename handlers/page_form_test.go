package handlers_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"switchboard/web/webtest"
)

var (
	inputRE    = regexp.MustCompile(`(?s)<input\b([^>]*)>`)
	textareaRE = regexp.MustCompile(`(?s)<textarea\b([^>]*)>(.*?)</textarea>`)
	selectRE   = regexp.MustCompile(`(?s)<select\b([^>]*)>(.*?)</select>`)
	optionRE   = regexp.MustCompile(`(?s)<option\b([^>]*)>`)
	attrRE     = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?`)
	baseRE     = regexp.MustCompile(`name="_base" value="([^"]*)"`)
)

// openForm GETs path, fails the test unless it answers 200, and returns
// the page with its form testID as a browser would submit it.
func (s *stack) openForm(path, testID string) (*webtest.Response, url.Values) {
	s.t.Helper()
	res := s.b.Get(path)
	if res.StatusCode != http.StatusOK {
		s.t.Fatalf("GET %s: %d\n%s", path, res.StatusCode, res.Body)
	}
	return res, formOf(s.t, res.Body, testID)
}

// formOf reads the form with data-testid testID as a browser submits it
// with no button pressed: named inputs (checked boxes and radios only),
// textareas, and each select's selected option, or its first.
func formOf(t testing.TB, body, testID string) url.Values {
	t.Helper()
	re := regexp.MustCompile(`(?s)<form\b[^>]*data-testid="` + regexp.QuoteMeta(testID) + `"[^>]*>(.*?)</form>`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no form %q on the page:\n%s", testID, body)
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
	for _, sel := range selectRE.FindAllStringSubmatch(m[1], -1) {
		if v, ok := chosenOption(sel[2]); ok {
			form.Set(attributes(sel[1])["name"], v)
		}
	}
	return form
}

// chosenOption is the value of the first selected option, or of the first
// option when none is selected; false when there are no options.
func chosenOption(options string) (string, bool) {
	var first *string
	for _, o := range optionRE.FindAllStringSubmatch(options, -1) {
		a := attributes(o[1])
		v := a["value"]
		if _, selected := a["selected"]; selected {
			return v, true
		}
		if first == nil {
			first = &v
		}
	}
	if first == nil {
		return "", false
	}
	return *first, true
}

func attributes(s string) map[string]string {
	a := map[string]string{}
	for _, m := range attrRE.FindAllStringSubmatch(s, -1) {
		a[m[1]] = html.UnescapeString(m[2])
	}
	return a
}

// sealedBase is the _base hidden field of a form page.
func sealedBase(t *testing.T, body string) string {
	t.Helper()
	m := baseRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("page has no _base field:\n%s", body)
	}
	return html.UnescapeString(m[1])
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
