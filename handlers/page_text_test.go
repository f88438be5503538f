package handlers_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"switchboard/web/webtest"
)

// mustStatus fails the test unless res has status want.
func mustStatus(t *testing.T, res *webtest.Response, want int) {
	t.Helper()
	if res.StatusCode != want {
		t.Fatalf("%s answered %d, want %d:\n%s", res.URL, res.StatusCode, want, res.Body)
	}
}

// flashAfter follows a 303 and returns the flash the page shows.
func (s *stack) flashAfter(res *webtest.Response) string {
	s.t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		s.t.Fatalf("status %d, want 303:\n%s", res.StatusCode, res.Body)
	}
	page := s.b.Follow(res)
	if !strings.Contains(page.Body, `data-testid="flash"`) {
		s.t.Fatalf("no flash on %s", res.Location())
	}
	return testText(page.Body, "flash")
}

// between is the text of s after the first start up to end; "" when start
// is not in s.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return s
}

var tagRE = regexp.MustCompile(`(?s)<[^>]*>`)

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
	text := tagRE.ReplaceAllString(rest[:end], "")
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

// rows returns the HTML of each table row marked with data-testid=testID.
func rows(body, testID string) []string {
	marker := `data-testid="` + testID + `"`
	parts := strings.Split(body, marker)
	out := make([]string, 0, len(parts))
	for _, p := range parts[1:] {
		if end := strings.Index(p, "</tr>"); end >= 0 {
			p = p[:end]
		}
		out = append(out, p)
	}
	return out
}

// rowFor returns the row naming name, or "" when there is none.
func rowFor(rs []string, name string) string {
	esc := ">" + html.EscapeString(name) + "<"
	for _, r := range rs {
		if strings.Contains(r, esc) {
			return r
		}
	}
	return ""
}
