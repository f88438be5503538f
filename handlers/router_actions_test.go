package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/dialpad/routing"
	"switchboard/web"
	"switchboard/web/webtest"
)

func TestRouterCreate(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	sales := e.callCenter("Sales")
	ny := e.office("New York HQ")
	page := e.b.Get("/routers/new")
	if page.StatusCode != http.StatusOK {
		t.Fatalf("GET /routers/new: %d", page.StatusCode)
	}
	if !strings.Contains(page.Body, `<option value="callcenter:`+sales.ID.String()+`">Sales (call center)</option>`) {
		t.Fatal("the target chooser does not offer Sales by name")
	}
	for _, group := range []string{"Offices", "Departments", "Call centers", "Users"} {
		if !strings.Contains(page.Body, `<optgroup label="`+group+`">`) {
			t.Errorf("the target chooser has no %s group", group)
		}
	}
	e.Emulator.ResetRequests()

	form := url.Values{
		"name":           {"Returns Router"},
		"routing_url":    {"https://routing.example.com/returns"},
		"default_target": {"callcenter:" + sales.ID.String()},
		"office_id":      {ny.ID.String()},
		"enabled":        {"true"},
		"secret_action":  {"keep"},
	}
	res := e.b.PostForm("/routers", form)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Location(), e.URL+"/routers/") {
		t.Fatalf("create answered %d to %q:\n%s", res.StatusCode, res.Location(), res.Body)
	}
	ws := e.writes()
	if len(ws) != 1 || ws[0].Method != http.MethodPost || ws[0].Path != "/api/v2/callrouters" {
		t.Fatalf("want one POST /api/v2/callrouters, got %s", describe(ws))
	}
	want := fmt.Sprintf(`{"default_target_id":%s,"default_target_type":"callcenter","enabled":true,"name":"Returns Router","office_id":%s,"routing_url":"https://routing.example.com/returns"}`, sales.ID, ny.ID)
	if got := compactJSON(ws[0].Body); got != want {
		t.Errorf("POST body\n got %s\nwant %s", got, want)
	}
	created := e.b.Follow(res)
	if testText(created.Body, "router-name") != "Returns Router" || testText(created.Body, "router-default-target") != "Sales (call center)" {
		t.Errorf("new router page: name %q, target %q", testText(created.Body, "router-name"), testText(created.Body, "router-default-target"))
	}

	// With a generated secret the answer shows it, once.
	e.Emulator.ResetRequests()
	res = e.b.PostForm("/routers", with(form, "name", "Signed Router", "secret_action", "generate"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("create with a secret answered %d", res.StatusCode)
	}
	var sent struct{ Secret string }
	if ws := e.writes(); len(ws) != 1 || json.Unmarshal(ws[0].Body, &sent) != nil || len(sent.Secret) < 43 {
		t.Fatalf("POST did not carry a generated secret: %s", describe(ws))
	}
	if !strings.Contains(res.Body, `value="`+sent.Secret+`"`) {
		t.Error("the new secret is not shown")
	}
	from := len(e.b.Responses())
	e.b.Get("/routers")
	e.assertAbsent(sent.Secret, from, "the secret")
}

func TestRouterCreateValidationKeepsInput(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	e.Emulator.ResetRequests()
	res := e.b.PostForm("/routers", url.Values{
		"name":          {"Half done"},
		"routing_url":   {"http://example.com/x"},
		"secret_action": {"set"},
		"secret":        {"short-pasted-xyz"},
	})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", res.StatusCode)
	}
	for _, f := range []string{"routing_url", "default_target", "office_id", "secret"} {
		if testText(res.Body, "error-"+f) == "" {
			t.Errorf("no message next to %s", f)
		}
	}
	kept := formOf(t, res.Body, "router-form")
	if kept.Get("name") != "Half done" || kept.Get("routing_url") != "http://example.com/x" || kept.Get("secret_action") != "set" {
		t.Errorf("input lost: %v", kept)
	}
	wantSecretAskedAgain(t, res.Body, "short-pasted-xyz")
	e.nothingSent()
}

func TestRouterTester(t *testing.T) {
	// The slow endpoint never answers; the tester gives up after timeout,
	// Dialpad's 5 s shortened so the test does not wait that long.
	const timeout = 250 * time.Millisecond
	tests := []struct {
		name         string
		status       int
		body         string // %s is the Sales call center's id
		blocks       bool
		allowPrivate bool
		wantStatus   int
		wantVerdict  string
	}{
		{name: "good", status: 200, body: `{"target_id": "%s", "target_type": "callcenter"}`, allowPrivate: true,
			wantStatus: http.StatusOK, wantVerdict: "Would be routed to Sales (call center) in "},
		{name: "malformed", status: 200, body: `<html>oops</html>`, allowPrivate: true,
			wantStatus: http.StatusOK, wantVerdict: "Would count as a routing error: answer is not JSON."},
		{name: "missing target", status: 200, body: `{"target_id": 404, "target_type": "user"}`, allowPrivate: true,
			wantStatus: http.StatusOK, wantVerdict: "Would count as a routing error: target user 404 does not exist."},
		{name: "slow", blocks: true, allowPrivate: true,
			wantStatus: http.StatusOK, wantVerdict: "Would count as a routing error: timed out after 250 ms."},
		{name: "private address", status: 200, body: `{"target_id": "%s", "target_type": "callcenter"}`, allowPrivate: false,
			wantStatus: http.StatusOK, wantVerdict: "Would count as a routing error: refused: 127.0.0.1 is a loopback address."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			e := signedInAsSupport(t, webtest.WithConfig(func(c *web.Config) {
				c.AllowPrivateRoutingURLs = tt.allowPrivate
				if tt.blocks {
					c.RoutingTimeout = timeout
				}
			}))
			sales := e.callCenter("Sales")
			cr := e.router("Shipment Status Lookup")
			var service string
			var got <-chan []byte
			if tt.blocks {
				service, got = blockingService(t)
			} else {
				service, got = routingService(t, tt.status, strings.ReplaceAll(tt.body, "%s", sales.ID.String()))
			}
			e.pointRouter(cr.ID, service)
			e.b.Get("/routers/" + cr.ID.String())

			res := e.b.HTMX(http.MethodPost, "/routers/"+cr.ID.String()+"/test", url.Values{})
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if strings.Contains(res.Body, "<html") || !strings.Contains(res.Body, `id="tester"`) {
				t.Error("htmx did not get the tester card alone")
			}
			if v := testText(res.Body, "test-verdict"); !strings.HasPrefix(v, tt.wantVerdict) {
				t.Errorf("verdict = %q, want %q", v, tt.wantVerdict)
			}
			switch {
			case !tt.allowPrivate:
				if len(got) != 0 {
					t.Error("the tester reached a loopback address it should have refused")
				}
			default:
				// The request is Dialpad's payload, exactly its six fields.
				var p map[string]any
				if err := json.Unmarshal(<-got, &p); err != nil {
					t.Fatalf("the routing service got no JSON: %v", err)
				}
				var keys []string
				for k := range p {
					keys = append(keys, k)
				}
				slices.Sort(keys)
				if want := []string{"call_id", "contact_id", "contact_type", "date_started", "external_number", "internal_number"}; !slices.Equal(keys, want) {
					t.Errorf("payload fields = %v, want %v", keys, want)
				}
				if p["internal_number"] != cr.PhoneNumbers[0] {
					t.Errorf("internal_number = %v, want the router's number %s", p["internal_number"], cr.PhoneNumbers[0])
				}
			}
			if tt.blocks && (testText(res.Body, "test-status") != "No answer" || !strings.Contains(res.Body, "rt-result-bad")) {
				t.Errorf("slow endpoint: status %q, want No answer marked as a routing error", testText(res.Body, "test-status"))
			}
			if len(e.writes()) != 0 {
				t.Errorf("a test call changed Dialpad: %s", describe(e.writes()))
			}
		})
	}
}

func TestRouterTesterSignsWithTheGivenSecretOnly(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("VIP Customer Router")
	service, got := routingService(t, 200, fmt.Sprintf(`{"target_id": %d, "target_type": "callcenter"}`, cr.DefaultTargetID))
	e.pointRouter(cr.ID, service)
	secret := "the-routing-service-secret-0123456789"

	// Without JavaScript the whole page comes back with the result.
	from := len(e.b.Responses())
	res := e.b.PostForm("/routers/"+cr.ID.String()+"/test", map[string][]string{"secret": {secret}})
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "<html") {
		t.Fatalf("status %d; want the full page", res.StatusCode)
	}
	if _, err := routing.VerifyJWT(<-got, secret); err != nil {
		t.Errorf("the routing service cannot verify the test call with the secret: %v", err)
	}
	if testText(res.Body, "test-verdict") == "" || !strings.Contains(res.Body, "Signed JWT (HS256)") {
		t.Error("no signed verdict on the page")
	}
	e.assertAbsent(secret, from, "the test secret")
	e.nothingSent()

	res = e.b.PostForm("/routers/"+cr.ID.String()+"/test", map[string][]string{"secret": {"short"}})
	if res.StatusCode != http.StatusUnprocessableEntity || testText(res.Body, "error-secret") == "" {
		t.Errorf("a short test secret: status %d, message %q", res.StatusCode, testText(res.Body, "error-secret"))
	}
}

func TestRouterAutoDisablesAfterElevenFailedCalls(t *testing.T) {
	e := signedInAsSupport(t)
	cr := e.router("Shipment Status Lookup")
	service, _ := routingService(t, 500, `{}`)
	e.pointRouter(cr.ID, service)
	for i := range 11 {
		res, err := e.Emulator.PlaceCall(t.Context(), cr.ID, "")
		if err != nil || !res.IsRoutingError() {
			t.Fatalf("call %d: %+v, %v; want a routing error", i+1, res, err)
		}
	}
	page := e.b.Get("/routers/" + cr.ID.String())
	if testText(page.Body, "router-status") != "Disabled" {
		t.Errorf("status = %q, want Disabled", testText(page.Body, "router-status"))
	}
	if !strings.Contains(page.Body, `data-testid="reset-router"`) {
		t.Error("no reset button on the disabled router")
	}
	list := e.b.Get("/routers")
	if !regexp.MustCompile(`(?s)Shipment Status Lookup</a>.*?data-testid="router-status">Disabled<`).MatchString(list.Body) {
		t.Error("the list does not show the router disabled")
	}
}

func TestRouterAssignNumber(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("Shipment Status Lookup")
	e.openRouter(cr.ID)
	res := e.b.PostForm("/routers/"+cr.ID.String()+"/numbers", url.Values{"area_code": {"646"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("assign answered %d:\n%s", res.StatusCode, testText(res.Body, "numbers-message"))
	}
	ws := e.writes()
	if len(ws) != 1 || ws[0].Path != "/api/v2/callrouters/"+cr.ID.String()+"/assign_number" || compactJSON(ws[0].Body) != `{"area_code":"646","primary":false}` {
		t.Fatalf("want one assign_number by area code, got %s", describe(ws))
	}
	page := e.b.Follow(res)
	flash := testText(page.Body, "flash")
	n := regexp.MustCompile(`\+1646555019\d`).FindString(flash)
	if n == "" || !strings.Contains(testText(page.Body, "router-numbers"), n) {
		t.Errorf("flash %q does not name a 646 number the page lists", flash)
	}

	// By number, as the primary: it comes first on the router.
	e.Emulator.ResetRequests()
	res = e.b.PostForm("/routers/"+cr.ID.String()+"/numbers", url.Values{"number": {"+1 (212) 555-0181"}, "primary": {"true"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("assign as primary answered %d:\n%s", res.StatusCode, testText(res.Body, "numbers-message"))
	}
	if ws := e.writes(); len(ws) != 1 || compactJSON(ws[0].Body) != `{"number":"+12125550181","primary":true}` {
		t.Fatalf("want one assign_number of +12125550181 as primary, got %s", describe(ws))
	}
	if got := e.freshRouter(cr.ID).PhoneNumbers; len(got) == 0 || got[0] != "+12125550181" {
		t.Errorf("router numbers = %v, want +12125550181 first", got)
	}
	if flash := testText(e.b.Follow(res).Body, "flash"); flash != "Assigned +12125550181 to this router as its primary number." {
		t.Errorf("flash = %q", flash)
	}

	tests := []struct {
		name   string
		form   url.Values
		status int
		field  string
		want   string
	}{
		{"neither", url.Values{}, 422, "error-number", "Enter a number, or an area code"},
		{"both", url.Values{"number": {"+12125550180"}, "area_code": {"212"}}, 422, "error-number", "not both"},
		{"not E.164", url.Values{"number": {"2125550180"}}, 422, "error-number", "country code"},
		{"taken", url.Values{"number": {cr.PhoneNumbers[0]}}, 422, "numbers-message", "Dialpad says: number " + cr.PhoneNumbers[0] + " is already assigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := e.b.PostForm("/routers/"+cr.ID.String()+"/numbers", tt.form)
			if res.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.status)
			}
			if got := testText(res.Body, tt.field); !strings.Contains(got, tt.want) {
				t.Errorf("%s = %q, want %q", tt.field, got, tt.want)
			}
			if !strings.Contains(res.Body, `value="`+tt.form.Get("number")+`"`) {
				t.Error("the typed number is not kept")
			}
		})
	}
}

func TestRouterDelete(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("Shipment Status Lookup")
	confirm := e.b.Get("/routers/" + cr.ID.String() + "/delete")
	if confirm.StatusCode != http.StatusOK || !strings.Contains(testText(confirm.Body, "delete-confirm"), cr.Name) {
		t.Fatalf("confirmation %d does not name the router", confirm.StatusCode)
	}
	for _, n := range cr.PhoneNumbers {
		if !strings.Contains(testText(confirm.Body, "delete-numbers"), n) {
			t.Errorf("confirmation does not list %s", n)
		}
	}
	e.Emulator.ResetRequests()
	res := e.b.PostForm("/routers/"+cr.ID.String()+"/delete", url.Values{})
	if res.StatusCode != http.StatusSeeOther || res.Location() != e.URL+"/routers" {
		t.Fatalf("delete answered %d to %q", res.StatusCode, res.Location())
	}
	if ws := e.writes(); len(ws) != 1 || ws[0].Method != http.MethodDelete || ws[0].Path != "/api/v2/callrouters/"+cr.ID.String() {
		t.Fatalf("want one DELETE, got %s", describe(ws))
	}
	list := e.b.Follow(res)
	flash := testText(list.Body, "flash")
	if !strings.Contains(flash, "Deleted "+cr.Name) || !strings.Contains(flash, cr.PhoneNumbers[1]) {
		t.Errorf("flash = %q", flash)
	}
	if strings.Contains(list.Body, ">"+cr.Name+"</a>") {
		t.Error("the deleted router is still listed")
	}
}

func TestRouterListNamesTargets(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	vip := e.router("VIP Customer Router")
	res := e.b.Get("/routers")
	if !strings.Contains(res.Body, `href="/routers/`+vip.ID.String()+`"`) {
		t.Error("the router's name does not link to its page")
	}
	row := regexp.MustCompile(`(?s)VIP Customer Router</a>.*?</tr>`).FindString(res.Body)
	if got := testText(row, "router-target"); got != "Sales Call center" {
		t.Errorf("default target = %q, want the name and kind", got)
	}
	if !strings.Contains(res.Body, `data-testid="new-router"`) {
		t.Error("an admin is not offered to create a router")
	}
	manager := e.LoginAs(t, emulator.ManagerUserID)
	if strings.Contains(manager.Get("/routers").Body, `data-testid="new-router"`) {
		t.Error("a manager is offered to create a router")
	}
}

// A routing service that refuses an unsigned test is most likely waiting
// for the router's signature: the verdict says what to try.
func TestRouterTesterHintsAtTheSecret(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	signed, unsigned := e.router("VIP Customer Router"), e.router("Shipment Status Lookup")
	if signed.Signature == nil || signed.Signature.Algo == "" || unsigned.Signature != nil && unsigned.Signature.Algo != "" {
		t.Fatalf("seed: want VIP signed and Shipments unsigned, got %+v and %+v", signed.Signature, unsigned.Signature)
	}
	service, _ := routingService(t, http.StatusUnauthorized, `{"error":"signature required"}`)
	tests := []struct {
		name   string
		router string
		secret string
		hint   bool
	}{
		{"signed router, unsigned test", signed.Name, "", true},
		{"signed router, signed test", signed.Name, "the-routing-service-secret-0123456789", false},
		{"unsigned router", unsigned.Name, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cr := e.router(tt.router)
			e.pointRouter(cr.ID, service)
			res := e.b.HTMX(http.MethodPost, "/routers/"+cr.ID.String()+"/test", url.Values{"secret": {tt.secret}})
			if v := testText(res.Body, "test-verdict"); v != "Would count as a routing error: answered 401." {
				t.Errorf("verdict = %q", v)
			}
			if hint := testText(res.Body, "test-hint"); (hint != "") != tt.hint || tt.hint && !strings.Contains(hint, "Paste the router's secret") {
				t.Errorf("hint = %q, want one: %v", hint, tt.hint)
			}
		})
	}
}
