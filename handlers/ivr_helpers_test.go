package handlers_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"testing"

	"switchboard/dialpad"
	"switchboard/web"
	"switchboard/web/webtest"
)

// startIVRs signs user in on a stack in demo mode, where recordings can be
// played.
func startIVRs(t *testing.T, user dialpad.ID, opts ...webtest.Option) *stack {
	t.Helper()
	demo := webtest.WithConfig(func(c *web.Config) { c.Demo = true })
	return signedIn(t, user, append([]webtest.Option{demo}, opts...)...)
}

func ivrPath(center dialpad.ID) string { return "/ivrs/callcenter/" + center.String() }

// openIVRs GETs the IVR page of a call center and returns it with its form
// as a browser would submit it.
func (s *stack) openIVRs(center dialpad.ID) (*webtest.Response, url.Values) {
	s.t.Helper()
	return s.openForm(ivrPath(center), "ivr-form")
}

// ivrTypes reads a target's IVRs from the emulator now.
func (s *stack) ivrTypes(targetType string, id dialpad.ID) []dialpad.CustomIVRType {
	s.t.Helper()
	types, err := s.api.CustomIVRs(s.t.Context(), targetType, id)
	return must(s.t, types, err)
}

// ivr finds a call center's IVR by name.
func (s *stack) ivr(center dialpad.ID, name string) dialpad.CustomIVR {
	s.t.Helper()
	var all []dialpad.CustomIVR
	for _, ty := range s.ivrTypes(dialpad.TargetCallCenter, center) {
		all = append(all, ty.IVRs...)
	}
	return byName(s.t, all, func(v dialpad.CustomIVR) string { return v.Name }, name)
}

// selection is what a call center's IVR type plays now.
func (s *stack) selection(center dialpad.ID, ivrType string) dialpad.IVRSelection {
	s.t.Helper()
	return dialpad.SelectionsOf(s.ivrTypes(dialpad.TargetCallCenter, center))[ivrType]
}

// upload adds an IVR to a call center straight in the emulator; Dialpad
// selects a new IVR for its type.
func (s *stack) upload(center dialpad.ID, ivrType, name string) dialpad.CustomIVR {
	s.t.Helper()
	v, err := s.api.CreateCustomIVR(s.t.Context(), dialpad.CreateCustomIVR{
		Name: name, IVRType: ivrType, TargetType: dialpad.TargetCallCenter, TargetID: center, File: ivrMP3(3),
	})
	return *must(s.t, v, err)
}

// postMultipart sends fields and a file as the upload form does.
func (s *stack) postMultipart(target string, fields url.Values, fileName string, file []byte) *webtest.Response {
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
	req, err := http.NewRequest(http.MethodPost, s.URL+target, &body)
	if err != nil {
		s.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", s.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return s.b.Do(req)
}

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
