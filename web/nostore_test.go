package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
	"switchboard/web/webtest"
)

// Signed-in pages are never cached, so the back button after sign-out or
// a shared proxy shows nothing of them; assets keep their long cache.
func TestSignedInPagesAreNotCached(t *testing.T) {
	st := webtest.Start(t)
	b := st.LoginAs(t, emulator.AdminUserID)
	home := b.Get("/")
	wantStatus(t, home, http.StatusOK)
	callCenter := regexp.MustCompile(`href="(/callcenters/\d+)"`).FindStringSubmatch(b.Get("/callcenters").Body)
	router := regexp.MustCompile(`href="(/routers/\d+)"`).FindStringSubmatch(b.Get("/routers").Body)
	if callCenter == nil || router == nil {
		t.Fatal("no call center or router linked from the lists")
	}
	pages := []struct {
		name string
		res  *webtest.Response
	}{
		{"home", home},
		{"call centers", b.Get("/callcenters")},
		{"editor", b.Get(callCenter[1])},
		{"router", b.Get(router[1])},
		{"hours review", b.Get("/hours")},
		{"hours CSV", b.Get("/hours.csv")},
		{"a refused form", b.PostForm(router[1], url.Values{"_base": {"x"}, "name": {""}})},
		{"a page that does not exist", b.Get("/no-such-page")},
	}
	for _, p := range pages {
		if cc := p.res.Header.Values("Cache-Control"); !slices.Contains(cc, "no-store") {
			t.Errorf("%s (%d): Cache-Control %q, want no-store", p.name, p.res.StatusCode, cc)
		}
	}

	css := regexp.MustCompile(`href="(/static/css/app\.[0-9a-f]+\.css)"`).FindStringSubmatch(home.Body)
	if css == nil {
		t.Fatal("page links no hashed stylesheet")
	}
	asset := b.Get(css[1])
	wantStatus(t, asset, http.StatusOK)
	if cc := strings.Join(asset.Header.Values("Cache-Control"), ", "); cc != "public, max-age=31536000, immutable" {
		t.Errorf("asset Cache-Control %q, want the long immutable cache", cc)
	}
}
