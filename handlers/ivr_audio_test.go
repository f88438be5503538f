package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

func TestIVRAudioInDemoMode(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales := s.callCenter("Sales").ID
	jazz := s.ivr(sales, "Smooth jazz loop")
	res := s.b.Get("/ivrs/audio/" + jazz.ID.String())
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "audio/mpeg" {
		t.Fatalf("audio: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if err := dialpad.SniffMP3([]byte(res.Body)); err != nil {
		t.Errorf("relayed audio is not an MP3: %v", err)
	}
	if cc := res.Header.Get("Cache-Control"); !strings.HasPrefix(cc, "private") {
		t.Errorf("Cache-Control %q lets shared caches keep it", cc)
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "media-src 'self'") {
		t.Errorf("CSP %q does not allow the players", csp)
	}
	for _, tok := range s.Tokens() {
		for _, r := range s.b.Responses() {
			if strings.Contains(r.Body, tok) || strings.Contains(r.Header.Get("Location"), tok) {
				t.Fatal("a Dialpad token reached the browser")
			}
		}
	}
	for _, bad := range []string{"/ivrs/audio/1234567890123456", "/ivrs/audio/x"} {
		if res := s.b.Get(bad); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", bad, res.StatusCode)
		}
	}
	if res := s.NewBrowser(t).Get("/ivrs/audio/" + jazz.ID.String()); res.StatusCode != http.StatusSeeOther {
		t.Errorf("signed out: %d, want a redirect to sign in", res.StatusCode)
	}
}

func TestIVRAudioHiddenAgainstDialpad(t *testing.T) {
	// Not demo mode: real Dialpad has no audio URL, so no player and no relay.
	s := startIVRs(t, emulator.AdminUserID, webtest.WithConfig(func(c *web.Config) { c.Demo = false }))
	sales := s.callCenter("Sales").ID
	res, _ := s.openIVRs(sales)
	if strings.Contains(res.Body, "<audio") {
		t.Error("a player shows although Dialpad gives no audio")
	}
	if res := s.b.Get("/ivrs/audio/" + s.ivr(sales, "Smooth jazz loop").ID.String()); res.StatusCode != http.StatusNotFound {
		t.Errorf("audio relay outside demo mode: %d, want 404", res.StatusCode)
	}
}
