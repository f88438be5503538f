package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/alexedwards/scs/v2/memstore"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/store"
	"switchboard/web/webtest"
)

// loadBarrier is a session store whose next n reads wait for each other
// once armed: n requests all hold the session as it was before any of
// them could renew its token.
type loadBarrier struct {
	scs.Store

	mu      sync.Mutex
	n       int // reads still to wait; 0 when disarmed
	reached chan struct{}
}

func (l *loadBarrier) arm(n int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.n, l.reached = n, make(chan struct{})
}

func (l *loadBarrier) Find(token string) ([]byte, bool, error) {
	b, found, err := l.Store.Find(token) // the request's copy is taken here
	l.mu.Lock()
	reached := l.reached
	if l.n > 0 {
		if l.n--; l.n == 0 {
			close(l.reached)
		}
	} else {
		reached = nil
	}
	l.mu.Unlock()
	if reached != nil {
		<-reached
	}
	return b, found, err
}

// TestConcurrentRequestsAfterExpiryRenewOnce: six requests of one person
// (five pages and a save) arrive together just after the access token
// expired, with refresh tokens Dialpad retires after one use. All six
// succeed, the save reaches Dialpad once, Dialpad sees one refresh, and
// the person stays signed in.
func TestConcurrentRequestsAfterExpiryRenewOnce(t *testing.T) {
	sessions := &loadBarrier{Store: memstore.New()}
	db, err := store.OpenThrowaway(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	st := webtest.Start(t,
		webtest.WithEmulator(emulator.Options{TokenTTL: 5 * time.Minute}),
		webtest.WithServerOptions(web.WithStorage(&web.Storage{DB: db, Sessions: sessions})))
	b := st.LoginAs(t, emulator.AdminUserID)
	router := routerNamed(t, st, "VIP Customer Router")
	routerPath := "/routers/" + router.ID.String()
	page := b.Get(routerPath)
	wantStatus(t, page, http.StatusOK)
	edit := formOf(t, page.Body, "router-form")
	edit.Set("name", "VIP Line")

	st.Clock.Advance(6 * time.Minute)
	st.Emulator.ResetRequests()
	requests := []struct {
		name string
		send func() *webtest.Response
		want int
	}{
		{"home", func() *webtest.Response { return b.Get("/") }, http.StatusOK},
		{"call centers", func() *webtest.Response { return b.Get("/callcenters") }, http.StatusOK},
		{"departments", func() *webtest.Response { return b.Get("/departments") }, http.StatusOK},
		{"routers", func() *webtest.Response { return b.Get("/routers") }, http.StatusOK},
		{"a call center search", func() *webtest.Response {
			return b.HTMX(http.MethodGet, "/callcenters", url.Values{"q": {"sales"}})
		}, http.StatusOK},
		{"the router's save", func() *webtest.Response { return b.PostForm(routerPath, edit) }, http.StatusSeeOther},
	}
	sessions.arm(len(requests))
	answers := make([]*webtest.Response, len(requests))
	var wg sync.WaitGroup
	for i, r := range requests {
		wg.Go(func() { answers[i] = r.send() })
	}
	wg.Wait()

	for i, r := range requests {
		res := answers[i]
		if res.StatusCode != r.want || strings.Contains(res.Header.Get("Location")+res.Header.Get("HX-Redirect"), "/login") {
			t.Errorf("%s: %d to %q, want %d and no sign-in:\n%s", r.name, res.StatusCode,
				res.Header.Get("Location")+res.Header.Get("HX-Redirect"), r.want, res.Body)
		}
	}
	if loc := answers[len(answers)-1].Location(); loc != st.URL+routerPath {
		t.Errorf("the save went to %q, want back to the router", loc)
	}
	var patches int
	for _, r := range st.Emulator.Requests() {
		if r.Method == http.MethodPatch && r.Path == "/api/v2/callrouters/"+router.ID.String() {
			patches++
		}
	}
	if got := routerNamed(t, st, "VIP Line"); patches != 1 || got.ID != router.ID {
		t.Errorf("the save reached Dialpad %d times, want once", patches)
	}
	if got, want := st.Emulator.TokenRequests(), []string{"authorization_code", "refresh_token"}; !slices.Equal(got, want) {
		t.Errorf("Dialpad saw token requests %q, want %q: one refresh", got, want)
	}

	// Still signed in, on the renewed token: no sign-in, no further refresh.
	wantStatus(t, b.Get("/"), http.StatusOK)
	wantStatus(t, b.Get(routerPath), http.StatusOK)
	if got := st.Emulator.TokenRequests(); len(got) != 2 {
		t.Errorf("Dialpad saw token requests %q after the burst, want no more", got)
	}
}

// responseGate holds the answer to the first request for path until
// released, telling the test when it got there.
type responseGate struct {
	base    http.RoundTripper
	path    string
	once    sync.Once
	arrived chan struct{}
	release chan struct{}
}

func (g *responseGate) RoundTrip(req *http.Request) (*http.Response, error) {
	res, err := g.base.RoundTrip(req)
	if req.URL.Path == g.path {
		g.once.Do(func() {
			close(g.arrived)
			<-g.release
		})
	}
	return res, err
}

// TestSlowRequestKeepsTheRenewedToken: a page that read the session while
// the token was still fresh ends after another request renewed it. scs
// writes that page's whole session back when it ends; the old token in it
// must not replace the new one, whose refresh token is the only one Dialpad
// still accepts.
func TestSlowRequestKeepsTheRenewedToken(t *testing.T) {
	// The call center list is the page's last call to Dialpad: once it
	// has been answered the page asks for no token again.
	gate := &responseGate{base: http.DefaultTransport, path: "/api/v2/callcenters",
		arrived: make(chan struct{}), release: make(chan struct{})}
	st := webtest.Start(t,
		webtest.WithEmulator(emulator.Options{TokenTTL: 5 * time.Minute}),
		webtest.WithServerOptions(web.WithHTTPClient(&http.Client{Transport: gate, Timeout: 30 * time.Second})))
	b := st.LoginAs(t, emulator.AdminUserID)

	st.Clock.Advance(4*time.Minute + 20*time.Second) // 40 s left: fresh enough
	slow := make(chan *webtest.Response)
	go func() { slow <- b.Get("/callcenters") }()
	<-gate.arrived // it holds the session as it was, and Dialpad has answered it

	st.Clock.Advance(20 * time.Second) // 20 s left: the next page renews it
	wantStatus(t, b.Get("/departments"), http.StatusOK)
	close(gate.release)
	wantStatus(t, <-slow, http.StatusOK)

	res := b.Get("/")
	wantStatus(t, res, http.StatusOK)
	if got, want := st.Emulator.TokenRequests(), []string{"authorization_code", "refresh_token"}; !slices.Equal(got, want) {
		t.Errorf("Dialpad saw token requests %q, want %q", got, want)
	}
}

var (
	inputTagRE  = regexp.MustCompile(`(?s)<input\b([^>]*)>`)
	textareaRE  = regexp.MustCompile(`(?s)<textarea\b([^>]*)>(.*?)</textarea>`)
	selectTagRE = regexp.MustCompile(`(?s)<select\b([^>]*)>(.*?)</select>`)
	optionTagRE = regexp.MustCompile(`<option\b([^>]*)>`)
	tagAttrRE   = regexp.MustCompile(`([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?`)
)

// formOf reads the form with data-testid testID as a browser posts it
// with no button pressed.
func formOf(t *testing.T, body, testID string) url.Values {
	t.Helper()
	m := regexp.MustCompile(`(?s)<form\b[^>]*data-testid="` + testID + `"[^>]*>(.*?)</form>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no form %q on the page:\n%s", testID, body)
	}
	form := url.Values{}
	for _, in := range inputTagRE.FindAllStringSubmatch(m[1], -1) {
		a := tagAttrs(in[1])
		name, named := a["name"]
		_, checked := a["checked"]
		if named && (checked || a["type"] != "checkbox" && a["type"] != "radio") {
			form.Add(name, a["value"])
		}
	}
	for _, ta := range textareaRE.FindAllStringSubmatch(m[1], -1) {
		form.Add(tagAttrs(ta[1])["name"], html.UnescapeString(ta[2]))
	}
	for _, sel := range selectTagRE.FindAllStringSubmatch(m[1], -1) {
		options := optionTagRE.FindAllStringSubmatch(sel[2], -1)
		if len(options) == 0 {
			continue
		}
		chosen := tagAttrs(options[0][1])["value"] // none selected: the first
		for _, o := range options {
			oa := tagAttrs(o[1])
			if _, selected := oa["selected"]; selected {
				chosen = oa["value"]
				break
			}
		}
		form.Set(tagAttrs(sel[1])["name"], chosen)
	}
	return form
}

func tagAttrs(s string) map[string]string {
	a := map[string]string{}
	for _, m := range tagAttrRE.FindAllStringSubmatch(s, -1) {
		a[m[1]] = html.UnescapeString(m[2])
	}
	return a
}
