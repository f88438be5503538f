package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestRouterEditOneFieldSendsOneField(t *testing.T) {
	tests := []struct {
		name, field, value, want string
	}{
		{"name", "name", "VIP Line", `{"name":"VIP Line"}`},
		{"routing URL", "routing_url", "https://routing.example.com/v2", `{"routing_url":"https://routing.example.com/v2"}`},
		{"enabled", "enabled", "", `{"enabled":false}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID)
			cr := e.router("VIP Customer Router")
			_, form := e.openRouter(cr.ID)
			if form.Get("default_target") != "callcenter:"+cr.DefaultTargetID.String() || form.Get("office_id") != cr.OfficeID.String() {
				t.Fatalf("form does not show the router's target and office: %v", form)
			}
			edited := with(form, tt.field, tt.value)
			if tt.field == "enabled" {
				edited.Del("enabled") // an unticked box is not sent
			}

			res := e.b.PostForm("/routers/"+cr.ID.String(), edited)
			if res.StatusCode != http.StatusSeeOther || res.Location() != e.URL+"/routers/"+cr.ID.String() {
				t.Fatalf("save answered %d to %q, want 303 to the router:\n%s", res.StatusCode, res.Location(), res.Body)
			}
			e.onePatch("/api/v2/callrouters/"+cr.ID.String(), tt.want)
			page := e.b.Follow(res)
			if flash := testText(page.Body, "flash"); !strings.HasPrefix(flash, "Saved ") {
				t.Errorf("flash = %q, want it to report the save", flash)
			}
		})
	}
}

func TestRouterSaveWithoutChangesSendsNothing(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("Shipment Status Lookup")
	_, form := e.openRouter(cr.ID)
	res := e.b.PostForm("/routers/"+cr.ID.String(), form)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303", res.StatusCode)
	}
	e.nothingSent()
	if flash := testText(e.b.Follow(res).Body, "flash"); !strings.Contains(flash, "Nothing to save") {
		t.Errorf("flash = %q", flash)
	}
}

func TestRouterSecretIsShownOnceAndNeverAgain(t *testing.T) {
	pasted := "pasted-secret-0123456789-abcdefghij-XYZ"
	tests := []struct {
		name   string
		action string
		secret string
	}{
		{"generated", "generate", ""},
		{"pasted", "set", pasted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID)
			cr := e.router("Shipment Status Lookup")
			_, form := e.openRouter(cr.ID)
			res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "secret_action", tt.action, "secret", tt.secret))
			if res.StatusCode != http.StatusOK {
				t.Fatalf("save with a secret answered %d, want 200 showing it:\n%s", res.StatusCode, res.Body)
			}
			if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q on the page holding a secret", cc)
			}

			ws := e.writes()
			if len(ws) != 1 || ws[0].Method != http.MethodPatch {
				t.Fatalf("want one PATCH, got %s", describe(ws))
			}
			var body map[string]any
			if err := json.Unmarshal(ws[0].Body, &body); err != nil {
				t.Fatal(err)
			}
			secret, _ := body["secret"].(string)
			if len(body) != 1 || secret == "" {
				t.Fatalf("PATCH body = %s, want only the secret", ws[0].Body)
			}
			if tt.secret != "" && secret != tt.secret {
				t.Errorf("sent a different secret than the one pasted")
			}
			if tt.action == "generate" && (len(secret) < 43 || !regexp.MustCompile(`^[A-Za-z0-9_-]+$`).MatchString(secret)) {
				t.Errorf("generated secret %d characters long, want 43 base64url", len(secret))
			}
			shown := regexp.MustCompile(`data-testid="new-secret"`).MatchString(res.Body) && strings.Contains(res.Body, `value="`+secret+`"`)
			if !shown || !strings.Contains(res.Body, "won't be shown again") {
				t.Error("the new secret is not shown with its warning")
			}
			if f := formOf(t, res.Body, "router-form"); strings.Contains(sealedRouter(t, cr.ID, f.Get("_base")), secret) {
				t.Error("the sealed form base holds the secret")
			}
			if got := e.freshRouter(cr.ID); got.Signature == nil || got.Signature.Algo != "HS256" {
				t.Errorf("Dialpad's signature = %+v, want HS256", got.Signature)
			}

			// Every later page: the router, the list, the overview, the
			// chooser, the tester, the delete confirmation, a reload.
			from := len(e.b.Responses())
			for _, p := range []string{"/routers/" + cr.ID.String(), "/routers", "/", "/routers/" + cr.ID.String() + "?choose=target",
				"/routers/" + cr.ID.String() + "/delete", "/routers/" + cr.ID.String()} {
				if r := e.b.Get(p); r.StatusCode != http.StatusOK {
					t.Errorf("GET %s = %d", p, r.StatusCode)
				}
			}
			e.b.HTMX(http.MethodPost, "/routers/"+cr.ID.String()+"/test", url.Values{})
			page := e.b.Responses()[from].Body
			if testText(page, "router-secret-state") != "Signing secret: set" {
				t.Errorf("the router page says %q", testText(page, "router-secret-state"))
			}
			e.assertAbsent(secret, from, "the secret")
			// The sealed base is readable by anyone holding the page.
			for _, r := range e.b.Responses()[from:] {
				if strings.Contains(r.Body, `data-testid="router-form"`) && strings.Contains(sealedRouter(t, cr.ID, formOf(t, r.Body, "router-form").Get("_base")), secret) {
					t.Errorf("the sealed form base of %s holds the secret", r.URL)
				}
			}
		})
	}
}

func TestRouterResetAsSupport(t *testing.T) {
	e := signedInAsSupport(t)
	cr := e.router("Carrier Hotline Router")
	if cr.Enabled || e.Emulator.RouterErrorCount(cr.ID) != 11 {
		t.Fatalf("seed: enabled %v with %d errors, want a disabled router with 11", cr.Enabled, e.Emulator.RouterErrorCount(cr.ID))
	}
	page, _ := e.openRouter(cr.ID)
	if !strings.Contains(page.Body, `data-testid="reset-router"`) || strings.Contains(page.Body, `disabled data-testid="reset-router"`) {
		t.Fatalf("support sees no usable reset button:\n%s", testText(page.Body, "reset-panel"))
	}

	res := e.b.PostForm("/routers/"+cr.ID.String()+"/reset", url.Values{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset answered %d:\n%s", res.StatusCode, res.Body)
	}
	e.onePatch("/api/v2/callrouters/"+cr.ID.String(), `{"enabled":true,"reset_error_count":true}`)
	if ws := e.writes(); len(ws) != 1 || !ws[0].CompanyKey {
		t.Error("the reset did not go out with the company key")
	}
	after := e.b.Follow(res)
	flash := testText(after.Body, "flash")
	if want := "Carrier Hotline Router is enabled again and its error count is reset. Next change possible at "; !strings.HasPrefix(flash, want) {
		t.Errorf("flash = %q, want %q and the time", flash, want)
	}
	if testText(after.Body, "router-status") != "Enabled" || strings.Contains(after.Body, `data-testid="reset-panel"`) {
		t.Error("the page does not show the router enabled")
	}
	if n := e.Emulator.RouterErrorCount(cr.ID); n != 0 {
		t.Errorf("error count after the reset = %d, want 0", n)
	}
	// Enabled again, the router offers support no change: no wait to show.
	if strings.Contains(after.Body, `data-testid="next-change"`) {
		t.Error("support, offered no change of an enabled router, is shown the wait")
	}

	// Its routing service fails again at once: 11 more errors disable it
	// within the five minutes. The panel says when a reset is possible,
	// and pressing anyway gets Dialpad's 429 in plain words.
	service, _ := routingService(t, 500, `{}`)
	e.pointRouter(cr.ID, service)
	for range 11 {
		if _, err := e.Emulator.PlaceCall(t.Context(), cr.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	// Dialpad changed behind the console's back: Refresh shows it.
	again := e.b.Get("/routers/" + cr.ID.String() + "?refresh=1")
	if wait := testText(again.Body, "reset-wait"); !regexp.MustCompile(`You can change this router again at \d\d:\d\d E[SD]T \(in 5 min\)`).MatchString(wait) {
		t.Errorf("the reset panel does not say when the next change is possible, in her zone: %q", wait)
	}
	res = e.b.PostForm("/routers/"+cr.ID.String()+"/reset", url.Values{})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("a second reset within 5 minutes answered %d (Retry-After %q), want 429 with the wait", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if msg := testText(res.Body, "page-message"); !strings.Contains(msg, "one change per call router every 5 minutes") || !strings.Contains(msg, "Next change possible at ") {
		t.Errorf("429 message = %q", msg)
	}
	if got := e.freshRouter(cr.ID); got.Enabled {
		t.Error("the router was enabled although Dialpad refused the change")
	}
}

func TestRouterRateLimitKeepsEverythingTyped(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("VIP Customer Router")
	_, form := e.openRouter(cr.ID)
	before := e.Clock.Now()
	if res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "name", "VIP Line")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("first save: %d", res.StatusCode)
	}
	after := e.Clock.Now()

	// A second change within five minutes: everything typed comes back.
	_, form = e.openRouter(cr.ID)
	pasted := "a-secret-that-is-long-enough-0123456789"
	typed := with(form, "routing_url", "https://routing.example.com/next", "secret_action", "set", "secret", pasted, "reset_error_count", "true")
	res := e.b.PostForm("/routers/"+cr.ID.String(), typed)
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("second save answered %d, want 429:\n%s", res.StatusCode, res.Body)
	}
	if ra := res.Header.Get("Retry-After"); ra == "" {
		t.Error("no Retry-After")
	}
	kept := formOf(t, res.Body, "router-form")
	wantSecretAskedAgain(t, res.Body, pasted)
	// Save waits with the input: the wait script holds it until Dialpad
	// accepts the change.
	if _, _, waits := button(res.Body, "save"); !waits {
		t.Error("the 429 page's Save does not wait for Dialpad's window")
	}
	if at, _ := waitTime(res.Body, "next-change"); at == "" {
		t.Error("the 429 page shows no wait by Save")
	}
	for _, k := range []string{"name", "routing_url", "secret_action", "reset_error_count", "default_target", "office_id"} {
		if kept.Get(k) != typed.Get(k) {
			t.Errorf("%s came back as %q, want %q", k, kept.Get(k), typed.Get(k))
		}
	}
	msg := testText(res.Body, "page-message")
	loc, _ := time.LoadLocation(e.office("New York HQ").Timezone)
	m := regexp.MustCompile(`Next change possible at (\d\d:\d\d) E[SD]T \(in ([0-9]+) min\)`).FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("message %q does not say when the next change is possible", msg)
	}
	earliest, latest := before.Add(5*time.Minute).In(loc).Format("15:04"), after.Add(5*time.Minute+2*time.Second).In(loc).Format("15:04")
	if m[1] != earliest && m[1] != latest {
		t.Errorf("next change at %s, want %s (five minutes after the first save)", m[1], earliest)
	}
	if !strings.Contains(msg, "Everything you entered is still in the form") {
		t.Errorf("message = %q", msg)
	}

	// Once the five minutes are over, the same form, the secret pasted
	// again, goes through.
	e.Clock.Advance(5 * time.Minute)
	e.Emulator.ResetRequests()
	res = e.b.PostForm("/routers/"+cr.ID.String(), with(kept, "_base", typed.Get("_base"), "secret", pasted))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("save after the wait answered %d:\n%s", res.StatusCode, testText(res.Body, "page-message"))
	}
	e.onePatch("/api/v2/callrouters/"+cr.ID.String(),
		`{"reset_error_count":true,"routing_url":"https://routing.example.com/next","secret":"`+pasted+`"}`)
}

func TestRouterValidation(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("Shipment Status Lookup")
	_, form := e.openRouter(cr.ID)
	tests := []struct {
		name, field, value, wantField, want string
	}{
		{"empty name", "name", "  ", "name", "Give the router a name."},
		{"long name", "name", strings.Repeat("x", 101), "name", "Keep the name to 100 characters or fewer; it has 101."},
		{"plain http", "routing_url", "http://routing.example.com/x", "routing_url", "Plain http:// is only allowed"},
		{"not a URL", "routing_url", "routing.example.com", "routing_url", "Enter a full URL"},
		{"ftp", "routing_url", "ftp://routing.example.com/", "routing_url", "must start with https://"},
		{"no target", "default_target", "", "default_target", "Choose where calls go"},
		{"made-up target", "default_target", "callcenter:42", "default_target", "not in Dialpad any more"},
		{"bad target", "default_target", "sales", "default_target", "Choose the default target from the list."},
		{"unknown office", "office_id", "42", "office_id", "Choose the office from the list."},
		{"short secret", "secret", "too-short", "secret", "at least 32 characters; this one has 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.Emulator.ResetRequests()
			typed := with(form, tt.field, tt.value)
			if tt.field == "secret" {
				typed.Set("secret_action", "set")
			}
			res := e.b.PostForm("/routers/"+cr.ID.String(), typed)
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.StatusCode)
			}
			if got := testText(res.Body, "error-"+tt.wantField); !strings.Contains(got, tt.want) {
				t.Errorf("message next to %s = %q, want %q", tt.wantField, got, tt.want)
			}
			switch kept := formOf(t, res.Body, "router-form"); tt.field {
			case "default_target":
			case "secret":
				wantSecretAskedAgain(t, res.Body, tt.value)
			default:
				if strings.TrimSpace(kept.Get(tt.field)) != strings.TrimSpace(tt.value) {
					t.Errorf("%s came back as %q, want %q", tt.field, kept.Get(tt.field), tt.value)
				}
			}
			e.nothingSent()
		})
	}
}

func TestRouterConflictAsksAndResubmits(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("Shipment Status Lookup")
	_, form := e.openRouter(cr.ID)
	// Someone renames the router and moves its URL in Dialpad meanwhile.
	if err := e.Emulator.MutateCallRouter(cr.ID, func(r *dialpad.CallRouter) {
		r.Name = "Shipments (theirs)"
		r.RoutingURL = "https://theirs.example.com/route"
	}); err != nil {
		t.Fatal(err)
	}
	res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "name", "Shipments (mine)", "enabled", ""))
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("status %d, want 409", res.StatusCode)
	}
	e.nothingSent()
	if got := testText(res.Body, "conflict-name"); !strings.Contains(got, "Shipments (mine)") || !strings.Contains(got, "Shipments (theirs)") {
		t.Errorf("conflict row = %q", got)
	}
	if strings.Contains(res.Body, `data-testid="conflict-routing_url"`) {
		t.Error("a field only they changed is listed as a conflict")
	}
	rebased := formOf(t, res.Body, "router-form")
	if rebased.Get("routing_url") != "https://theirs.example.com/route" || rebased.Get("name") != "Shipments (mine)" {
		t.Errorf("re-based form: name %q, url %q", rebased.Get("name"), rebased.Get("routing_url"))
	}

	res = e.b.PostForm("/routers/"+cr.ID.String(), with(rebased, "_conflict.name", "mine"))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("resubmit answered %d:\n%s", res.StatusCode, testText(res.Body, "page-message"))
	}
	e.onePatch("/api/v2/callrouters/"+cr.ID.String(), `{"enabled":false,"name":"Shipments (mine)"}`)
}

func TestRouterManagerIsRefused(t *testing.T) {
	e := signedIn(t, emulator.ManagerUserID)
	cr := e.router("Carrier Hotline Router")
	page, form := e.openRouter(cr.ID)
	for _, want := range []string{`data-testid="read-only-note"`, `data-testid="reset-note"`} {
		if !strings.Contains(page.Body, want) {
			t.Errorf("manager's page lacks %s", want)
		}
	}
	for _, absent := range []string{`data-testid="reset-router"`, `data-testid="save"`, `data-testid="next-change"`, `data-testid="assign-number"`, `data-testid="tester-form"`} {
		if strings.Contains(page.Body, absent) {
			t.Errorf("a manager is offered %s", absent)
		}
	}
	if strings.Contains(page.Body, `data-testid="delete-link"`) {
		t.Error("a manager is offered to delete the router")
	}

	// Posting anyway is refused before Dialpad.
	e.Emulator.ResetRequests()
	res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "name", "Mine now"))
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("save as manager: %d, want 403", res.StatusCode)
	}
	if res := e.b.PostForm("/routers/"+cr.ID.String()+"/reset", url.Values{}); res.StatusCode != http.StatusForbidden {
		t.Errorf("reset as manager: %d, want 403", res.StatusCode)
	}
	e.nothingSent()
	if got := e.freshRouter(cr.ID); got.Name != cr.Name || got.Enabled {
		t.Errorf("the router changed: %+v", got)
	}
}

func TestRouterUpstreamFailuresKeepInput(t *testing.T) {
	tests := []struct {
		name   string
		fault  emulator.Fault
		status int
		want   string
	}{
		{"Dialpad 500", emulator.Fault{Method: "PATCH", Status: 500}, http.StatusBadGateway, "Dialpad may have applied it"},
		{"Dialpad 400", emulator.Fault{Method: "PATCH", Status: 400, Message: "routing_url is not reachable"}, http.StatusUnprocessableEntity, "Dialpad says: routing_url is not reachable"},
		{"Dialpad 404", emulator.Fault{Method: "PATCH", Status: 404}, http.StatusNotFound, "couldn't find it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := signedIn(t, emulator.AdminUserID)
			cr := e.router("Shipment Status Lookup")
			_, form := e.openRouter(cr.ID)
			t.Cleanup(e.Emulator.InjectFault(tt.fault))
			typed := with(form, "name", "Renamed", "routing_url", "https://routing.example.com/new")
			res := e.b.PostForm("/routers/"+cr.ID.String(), typed)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if msg := testText(res.Body, "page-message"); !strings.Contains(msg, tt.want) {
				t.Errorf("message = %q, want %q", msg, tt.want)
			}
			kept := formOf(t, res.Body, "router-form")
			if kept.Get("name") != "Renamed" || kept.Get("routing_url") != "https://routing.example.com/new" {
				t.Errorf("typed values lost: %v", kept)
			}
		})
	}
}

// Dialpad's error may quote what was sent; a pasted secret stays out of the
// message, the page and the log. The form asks for it again.
func TestRouterSecretStaysOutOfDialpadsError(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("Shipment Status Lookup")
	_, form := e.openRouter(cr.ID)
	secret := "quoted-secret-0123456789-abcdefghijklmnop"
	t.Cleanup(e.Emulator.InjectFault(emulator.Fault{Method: "PATCH", Status: 400, Message: "secret " + secret + " is not accepted"}))
	res := e.b.PostForm("/routers/"+cr.ID.String(), with(form, "secret_action", "set", "secret", secret))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	msg := testText(res.Body, "page-message")
	if !strings.Contains(msg, "Dialpad says: secret ••• is not accepted") || strings.Contains(msg, secret) {
		t.Errorf("message = %q, want Dialpad's words without the secret", msg)
	}
	wantSecretAskedAgain(t, res.Body, secret)
	if strings.Contains(e.Logs(), secret) {
		t.Error("the console logged the secret")
	}
}
