package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// getEncoded asks for target accepting only encoding, as a browser would,
// and returns the answer with its body decoded.
func getEncoded(t *testing.T, b *webtest.Browser, base, target, encoding string) (*webtest.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Setting the header turns off Go's transparent gzip, so the test sees
	// the bytes on the wire.
	req.Header.Set("Accept-Encoding", encoding)
	res := b.Do(req)
	var r io.Reader = strings.NewReader(res.Body)
	switch res.Header.Get("Content-Encoding") {
	case "":
	case "gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			t.Fatalf("%s: gzip: %v", target, err)
		}
		r = gz
	case "zstd":
		zr, err := zstd.NewReader(r)
		if err != nil {
			t.Fatalf("%s: zstd: %v", target, err)
		}
		defer zr.Close()
		r = zr
	default:
		t.Fatalf("%s: unexpected Content-Encoding %q", target, res.Header.Get("Content-Encoding"))
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s (%s): decoding: %v", target, encoding, err)
	}
	return res, string(plain)
}

// Pages, styles and the CSV go out in the encoding the browser asked for
// and decode to the same bytes; recordings (already MP3) and tiny answers
// go out as they are.
func TestAnswersAreCompressedInWhatTheBrowserAccepts(t *testing.T) {
	st := webtest.Start(t, webtest.WithConfig(func(c *web.Config) { c.Demo = true }))
	b := st.LoginAs(t, emulator.AdminUserID)
	_, want := getEncoded(t, b, st.URL, "/callcenters", "identity")
	if !strings.Contains(want, "</html>") {
		t.Fatalf("plain page is not a whole page:\n%s", want)
	}
	css := regexp.MustCompile(`/static/css/app\.[0-9a-f]+\.css`).FindString(want)
	var audio string
	for _, center := range regexp.MustCompile(`href="/callcenters/([0-9]+)"`).FindAllStringSubmatch(want, -1) {
		if audio = regexp.MustCompile(`/ivrs/audio/[0-9]+`).FindString(b.Get("/ivrs/callcenter/" + center[1]).Body); audio != "" {
			break
		}
	}
	if audio == "" {
		t.Fatal("no call center plays a custom recording")
	}
	tests := []struct {
		target, accept, wantEncoding string
	}{
		{"/callcenters", "identity", ""},
		{"/callcenters", "gzip", "gzip"},
		{"/callcenters", "zstd", "zstd"},
		{"/callcenters", "gzip, deflate, br, zstd", "zstd"},
		{"/hours.csv", "gzip", "gzip"},
		{css, "gzip", "gzip"},
		{audio, "gzip, zstd", ""},      // MP3: already compressed
		{"/healthz", "gzip, zstd", ""}, // two bytes
	}
	for _, tt := range tests {
		t.Run(tt.target+" "+tt.accept, func(t *testing.T) {
			res, plain := getEncoded(t, b, st.URL, tt.target, tt.accept)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d", res.StatusCode)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q (%s, %d bytes)", got, tt.wantEncoding, res.Header.Get("Content-Type"), len(plain))
			}
			if tt.wantEncoding == "" {
				if plain != res.Body {
					t.Error("body changed")
				}
				return
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("Vary = %q, want Accept-Encoding: caches would mix encodings", res.Header.Get("Vary"))
			}
			if len(res.Body)*3 > len(plain) {
				t.Errorf("%d bytes on the wire for %d of content: barely compressed", len(res.Body), len(plain))
			}
			if tt.target == "/callcenters" && plain != want {
				t.Error("decoded page differs from the plain one")
			}
		})
	}
}
