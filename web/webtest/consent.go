package webtest

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"switchboard/dialpad"
)

// Consent answers the emulator's consent page that res (the console's
// /login redirect) leads to: it opens the page, picks userID and presses
// Allow, or Deny. It returns the emulator's redirect back to the console,
// unfollowed.
func (b *Browser) Consent(res *Response, userID dialpad.ID, allow bool) *Response {
	b.t.Helper()
	authorize := res.Location()
	if authorize == "" {
		b.t.Fatalf("webtest: expected a redirect to Dialpad's consent page, got %d:\n%s", res.StatusCode, res.Body)
	}
	page := b.Get(authorize)
	if page.StatusCode != http.StatusOK {
		b.t.Fatalf("webtest: consent page answered %d:\n%s", page.StatusCode, page.Body)
	}
	action, form, ok := consentForm(page.Body, userID, allow)
	if !ok {
		b.t.Fatalf("webtest: consent page has no form offering user %s:\n%s", userID, page.Body)
	}
	target, err := page.URL.Parse(action)
	if err != nil {
		b.t.Fatalf("webtest: consent form action %q: %v", action, err)
	}
	return b.PostForm(target.String(), form)
}

var (
	tagRE  = regexp.MustCompile(`(?is)<(form|input|button)\b([^>]*)>`)
	attrRE = regexp.MustCompile(`(?s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?`)
)

// consentForm reads the consent page's form the way a browser submits it:
// hidden inputs, the user radio for userID, and the pressed button's
// name/value. ok is false when the page does not offer userID.
func consentForm(page string, userID dialpad.ID, allow bool) (action string, form url.Values, ok bool) {
	button := "consent-deny"
	if allow {
		button = "consent-allow"
	}
	form = url.Values{}
	action = "/oauth2/authorize"
	for _, m := range tagRE.FindAllStringSubmatch(page, -1) {
		a := attrs(m[2])
		switch strings.ToLower(m[1]) {
		case "form":
			if v, has := a["action"]; has && v != "" {
				action = v
			}
		case "input":
			switch strings.ToLower(a["type"]) {
			case "hidden":
				form.Add(a["name"], a["value"])
			case "radio":
				if a["name"] == "user_id" && a["value"] == userID.String() {
					form.Set("user_id", a["value"])
					ok = true
				}
			}
		case "button":
			if a["data-testid"] == button && a["name"] != "" {
				form.Set(a["name"], a["value"])
			}
		}
	}
	return action, form, ok
}

// attrs parses the attributes of one tag, unescaping values.
func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrRE.FindAllStringSubmatch(s, -1) {
		out[strings.ToLower(m[1])] = html.UnescapeString(m[2] + m[3] + m[4])
	}
	return out
}
