package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// ivrStack is a console and emulator with one person signed in, and a
// client straight to the emulator as the company admin for setting up and
// checking.
type ivrStack struct {
	t   *testing.T
	st  *webtest.Stack
	b   *webtest.Browser
	api *dialpad.Client
}

// startIVRs starts the stack in demo mode, where recordings can be played.
func startIVRs(t *testing.T, user dialpad.ID, opts ...webtest.Option) *ivrStack {
	t.Helper()
	// The company rate limit is off: tests fire requests faster than any person.
	opts = append([]webtest.Option{
		webtest.WithConfig(func(c *web.Config) { c.Demo = true }),
		webtest.WithEmulator(emulator.Options{CompanyRPS: -1}),
	}, opts...)
	st := webtest.Start(t, opts...)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: st.Emulator.IssueToken(emulator.AdminUserID)})
	return &ivrStack{t: t, st: st, b: st.LoginAs(t, user), api: dialpad.New(st.EmulatorURL, dialpad.WithTokenSource(ts))}
}

// centerID finds a seeded call center by name.
func (s *ivrStack) centerID(name string) dialpad.ID {
	s.t.Helper()
	ccs, err := s.api.CallCenters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		s.t.Fatal(err)
	}
	for _, cc := range ccs {
		if cc.Name == name {
			return cc.ID
		}
	}
	s.t.Fatalf("no call center %q in the seed", name)
	return 0
}

// list reads a target's IVRs from the emulator now.
func (s *ivrStack) list(targetType string, id dialpad.ID) []dialpad.CustomIVRType {
	s.t.Helper()
	types, err := s.api.CustomIVRs(context.Background(), targetType, id)
	if err != nil {
		s.t.Fatal(err)
	}
	return types
}

// ivr finds a call center's IVR by name.
func (s *ivrStack) ivr(center dialpad.ID, name string) dialpad.CustomIVR {
	s.t.Helper()
	for _, ty := range s.list(dialpad.TargetCallCenter, center) {
		for _, v := range ty.IVRs {
			if v.Name == name {
				return v
			}
		}
	}
	s.t.Fatalf("call center %s has no IVR %q", center, name)
	return dialpad.CustomIVR{}
}

// selection is what a call center's IVR type plays now.
func (s *ivrStack) selection(center dialpad.ID, ivrType string) dialpad.IVRSelection {
	s.t.Helper()
	return dialpad.SelectionsOf(s.list(dialpad.TargetCallCenter, center))[ivrType]
}

// upload adds an IVR to a call center straight in the emulator; Dialpad
// selects a new IVR for its type.
func (s *ivrStack) upload(center dialpad.ID, ivrType, name string) dialpad.CustomIVR {
	s.t.Helper()
	v, err := s.api.CreateCustomIVR(context.Background(), dialpad.CreateCustomIVR{
		Name: name, IVRType: ivrType, TargetType: dialpad.TargetCallCenter, TargetID: center, File: ivrMP3(3),
	})
	if err != nil {
		s.t.Fatal(err)
	}
	return *v
}

// writes are the requests that changed (or tried to change) something in
// Dialpad, as "METHOD path body".
func (s *ivrStack) writes() []string {
	var out []string
	for _, r := range s.st.Emulator.Requests() {
		if r.Method != http.MethodGet {
			out = append(out, r.Method+" "+r.Path+" "+ivrCompact(s.t, r.Body))
		}
	}
	return out
}

// wantWrites asserts exactly these writes, in order.
func (s *ivrStack) wantWrites(want ...string) {
	s.t.Helper()
	if got := s.writes(); !slices.Equal(got, want) {
		s.t.Errorf("Dialpad received\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// open GETs the IVR page of a call center and returns it with its form as
// a browser would submit it.
func (s *ivrStack) open(center dialpad.ID) (*webtest.Response, url.Values) {
	s.t.Helper()
	res := s.b.Get(ivrPath(center))
	if res.StatusCode != http.StatusOK {
		s.t.Fatalf("GET %s: %d\n%s", ivrPath(center), res.StatusCode, res.Body)
	}
	return res, ivrFormOf(s.t, res.Body, "ivr-form")
}

// postMultipart sends fields and a file as the upload form does.
func (s *ivrStack) postMultipart(target string, fields url.Values, fileName string, file []byte) *webtest.Response {
	s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	if fileName != "" || file != nil {
		fw, _ := mw.CreateFormFile("file", fileName)
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	req, err := http.NewRequest(http.MethodPost, s.st.URL+target, &body)
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", s.st.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return s.b.Do(req)
}

func ivrPath(center dialpad.ID) string { return "/ivrs/callcenter/" + center.String() }

// ivrMP3 is n frames of silent MPEG-1 Layer III audio.
func ivrMP3(n int) []byte {
	var out []byte
	for range n {
		f := make([]byte, 96)
		copy(f, []byte{0xFF, 0xFB, 0x14, 0xC4})
		out = append(out, f...)
	}
	return out
}

func ivrCompact(t *testing.T, b []byte) string {
	t.Helper()
	if len(b) == 0 {
		return ""
	}
	// Numbers stay as written: ids are past float64's exact range.
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return string(b)
	}
	out, _ := json.Marshal(v)
	return string(out)
}

var (
	ivrInputRE  = regexp.MustCompile(`(?s)<input\b([^>]*)>`)
	ivrSelectRE = regexp.MustCompile(`(?s)<select\b([^>]*)>(.*?)</select>`)
	ivrOptionRE = regexp.MustCompile(`(?s)<option\b([^>]*)>`)
	ivrAttrRE   = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?`)
)

// ivrFormOf reads the form with data-testid testID as a browser submits it
// with no button pressed: named inputs (checked boxes and radios only) and
// each select's selected option, or its first.
func ivrFormOf(t *testing.T, body, testID string) url.Values {
	t.Helper()
	re := regexp.MustCompile(`(?s)<form\b[^>]*data-testid="` + testID + `"[^>]*>(.*?)</form>`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no form %q on the page:\n%s", testID, body)
	}
	form := url.Values{}
	for _, in := range ivrInputRE.FindAllStringSubmatch(m[1], -1) {
		a := ivrAttrs(in[1])
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
	for _, sel := range ivrSelectRE.FindAllStringSubmatch(m[1], -1) {
		name := ivrAttrs(sel[1])["name"]
		var first, chosen *string
		for _, o := range ivrOptionRE.FindAllStringSubmatch(sel[2], -1) {
			a := ivrAttrs(o[1])
			v := a["value"]
			if first == nil {
				first = &v
			}
			if _, ok := a["selected"]; ok && chosen == nil {
				chosen = &v
			}
		}
		if chosen == nil {
			chosen = first
		}
		if chosen != nil {
			form.Set(name, *chosen)
		}
	}
	return form
}

func ivrAttrs(s string) map[string]string {
	a := map[string]string{}
	for _, m := range ivrAttrRE.FindAllStringSubmatch(s, -1) {
		a[m[1]] = html.UnescapeString(m[2])
	}
	return a
}

// ivrFlash follows a redirect and returns the flash shown.
func (s *ivrStack) ivrFlash(res *webtest.Response) string {
	s.t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		s.t.Fatalf("status %d, want 303:\n%s", res.StatusCode, res.Body)
	}
	page := s.b.Follow(res)
	m := regexp.MustCompile(`(?s)data-testid="flash">(.*?)</div>`).FindStringSubmatch(page.Body)
	if m == nil {
		s.t.Fatalf("no flash on %s", res.Location())
	}
	return html.UnescapeString(m[1])
}
