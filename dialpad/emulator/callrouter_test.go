package emulator_test

import (
	"strings"
	"testing"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestRouterPatchOncePerFiveMinutes(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	vip := f.router("VIP Customer Router")
	other := f.router("Shipment Status Lookup")
	p := path("/api/v2/callrouters/%s", vip.ID)

	// A rejected request does not spend the allowance.
	wantError(t, f.do("PATCH", p, tok, `{"routing_url":"ftp://nope"}`), 400, "routing_url must be an absolute http or https URL")
	if r := f.do("PATCH", p, tok, `{"name":"VIP Router"}`); r.status != 200 {
		t.Fatalf("first PATCH: %d %s", r.status, r.body)
	}

	r := f.do("PATCH", p, tok, `{"name":"VIP Router 2"}`)
	wantError(t, r, 429, "once every 5 minutes")
	if ra := r.header.Get("Retry-After"); ra != "300" {
		t.Fatalf("Retry-After = %q, want 300", ra)
	}
	// Another router has its own allowance.
	if r := f.do("PATCH", path("/api/v2/callrouters/%s", other.ID), tok, `{"enabled":false}`); r.status != 200 {
		t.Fatalf("other router: %d %s", r.status, r.body)
	}

	f.clock.Advance(4*time.Minute + 30*time.Second)
	r = f.do("PATCH", p, tok, `{"name":"VIP Router 2"}`)
	if r.status != 429 || r.header.Get("Retry-After") != "30" {
		t.Fatalf("after 4m30s: %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	f.clock.Advance(30 * time.Second)
	var got dialpad.CallRouter
	f.decode(f.do("PATCH", p, tok, `{"name":"VIP Router 2"}`), &got)
	if got.Name != "VIP Router 2" {
		t.Fatalf("name = %q", got.Name)
	}
}

func TestRouterSecretIsNeverReturned(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	sales := f.callCenter("Sales")
	office := f.office("New York HQ")
	const secret = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-0042"

	r := f.do("POST", "/api/v2/callrouters", tok, map[string]any{
		"name": "Test Router", "office_id": office.ID, "routing_url": "https://router.example.com/route",
		"default_target_id": sales.ID, "default_target_type": "callcenter", "secret": secret,
	})
	var created dialpad.CallRouter
	f.decode(r, &created)
	if !created.Enabled || created.Signature == nil || created.Signature.Algo != "HS256" || created.Signature.Secret != "" {
		t.Fatalf("created = %+v, signature %+v", created, created.Signature)
	}
	for _, resp := range []response{r, f.do("GET", path("/api/v2/callrouters/%s", created.ID), tok, nil), f.do("GET", "/api/v2/callrouters", tok, nil)} {
		if strings.Contains(string(resp.body), secret) {
			t.Fatalf("secret echoed: %s", resp.body)
		}
	}
	var plain dialpad.CallRouter
	f.decode(f.do("GET", path("/api/v2/callrouters/%s", f.router("Shipment Status Lookup").ID), tok, nil), &plain)
	if plain.Signature == nil || plain.Signature.Algo != "" {
		t.Fatalf("router without secret has signature %+v", plain.Signature)
	}
}

func TestRouterCreateValidation(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")
	office := f.office("New York HQ")
	london := f.office("London")
	valid := func() map[string]any {
		return map[string]any{
			"name": "Router", "office_id": office.ID, "routing_url": "https://router.example.com/route",
			"default_target_id": sales.ID, "default_target_type": "callcenter", "enabled": false,
		}
	}
	tests := []struct {
		name   string
		change func(m map[string]any)
		user   dialpad.ID
		status int
		want   string
	}{
		{"valid", func(map[string]any) {}, emulator.AdminUserID, 200, ""},
		{"missing name", func(m map[string]any) { delete(m, "name") }, emulator.AdminUserID, 400, "name is required"},
		{"missing routing_url", func(m map[string]any) { delete(m, "routing_url") }, emulator.AdminUserID, 400, "routing_url is required"},
		{"missing default target", func(m map[string]any) { delete(m, "default_target_id") }, emulator.AdminUserID, 400, "default_target_id is required"},
		{"short secret", func(m map[string]any) { m["secret"] = "too-short" }, emulator.AdminUserID, 400, "secret must be at least 32 characters"},
		{"unknown target", func(m map[string]any) { m["default_target_id"] = "1234567890123456" }, emulator.AdminUserID, 400, "default_target_id: no callcenter with id 1234567890123456"},
		{"target of wrong type", func(m map[string]any) { m["default_target_type"] = "department" }, emulator.AdminUserID, 400, "default_target_id: no department"},
		{"bad target type", func(m map[string]any) { m["default_target_type"] = "planet" }, emulator.AdminUserID, 400, "default_target_type must be one of"},
		{"empty target type", func(m map[string]any) { m["default_target_type"] = "" }, emulator.AdminUserID, 400, "default_target_type must be one of"},
		{"unknown office", func(m map[string]any) { m["office_id"] = "1234567890123456" }, emulator.AdminUserID, 400, "office_id: office 1234567890123456 not found"},
		{"relative url", func(m map[string]any) { m["routing_url"] = "/route" }, emulator.AdminUserID, 400, "routing_url must be an absolute http or https URL"},
		{"unknown field", func(m map[string]any) { m["colour"] = "red" }, emulator.AdminUserID, 400, "colour: unknown field"},
		{"office admin of another office", func(m map[string]any) {}, emulator.OfficeAdminUserID, 403, "not a company admin"},
		{"office admin in own office", func(m map[string]any) { m["office_id"] = london.ID }, emulator.OfficeAdminUserID, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := valid()
			tt.change(body)
			r := f.do("POST", "/api/v2/callrouters", f.emu.IssueToken(tt.user), body)
			if tt.status == 200 {
				var cr dialpad.CallRouter
				f.decode(r, &cr)
				if cr.ID == 0 || cr.Enabled || cr.Name != "Router" {
					t.Fatalf("created %+v", cr)
				}
				return
			}
			wantError(t, r, tt.status, tt.want)
		})
	}
}

func TestRouterAutoDisablesAfterElevenErrorsInAnHour(t *testing.T) {
	tests := []struct {
		name        string
		errors      int
		gap         time.Duration
		wantEnabled bool
		wantCount   int
	}{
		{"11 errors in 50 minutes", 11, 5 * time.Minute, false, 11},
		{"11 errors over 70 minutes", 11, 7 * time.Minute, true, 9}, // the first two fell out of the hour
		{"10 errors in 10 minutes", 10, time.Minute, true, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			id := f.router("Shipment Status Lookup").ID
			for i := range tt.errors {
				if i > 0 {
					f.clock.Advance(tt.gap)
				}
				f.emu.RecordRoutingError(id)
			}
			var cr dialpad.CallRouter
			f.decode(f.do("GET", path("/api/v2/callrouters/%s", id), f.admin(), nil), &cr)
			if cr.Enabled != tt.wantEnabled {
				t.Fatalf("enabled = %v, want %v", cr.Enabled, tt.wantEnabled)
			}
			if got := f.emu.RouterErrorCount(id); got != tt.wantCount {
				t.Fatalf("error count = %d, want %d", got, tt.wantCount)
			}
		})
	}
}

func TestSeededDisabledRouterAndResettingErrors(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	cr := f.router("Carrier Hotline Router")
	if cr.Enabled || f.emu.RouterErrorCount(cr.ID) != 11 {
		t.Fatalf("seeded router: enabled %v, errors %d", cr.Enabled, f.emu.RouterErrorCount(cr.ID))
	}
	p := path("/api/v2/callrouters/%s", cr.ID)

	// enabled:true alone keeps the count: the next error disables it again.
	f.decode(f.do("PATCH", p, tok, `{"enabled":true}`), &cr)
	if !cr.Enabled || f.emu.RouterErrorCount(cr.ID) != 11 {
		t.Fatalf("after enable: enabled %v, errors %d", cr.Enabled, f.emu.RouterErrorCount(cr.ID))
	}
	f.emu.RecordRoutingError(cr.ID)
	f.decode(f.do("GET", p, tok, nil), &cr)
	if cr.Enabled {
		t.Fatal("router stayed enabled with 12 errors in the hour")
	}

	f.clock.Advance(5 * time.Minute)
	f.decode(f.do("PATCH", p, tok, `{"enabled":true,"reset_error_count":true}`), &cr)
	if !cr.Enabled || f.emu.RouterErrorCount(cr.ID) != 0 {
		t.Fatalf("after reset: enabled %v, errors %d", cr.Enabled, f.emu.RouterErrorCount(cr.ID))
	}
	f.emu.RecordRoutingError(cr.ID)
	f.decode(f.do("GET", p, tok, nil), &cr)
	if !cr.Enabled {
		t.Fatal("one error after a reset disabled the router")
	}
}

func TestRouterNumbers(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	vip := f.router("VIP Customer Router")
	assign := path("/api/v2/callrouters/%s/assign_number", vip.ID)

	var num dialpad.Number
	f.decode(f.do("POST", assign, tok, `{"number":"+12125550181","primary":false}`), &num)
	if num.Number != "+12125550181" || num.Status != "call_router" || num.TargetID != vip.ID || num.TargetType != "callrouter" || num.AreaCode != "212" {
		t.Fatalf("assigned %+v", num)
	}
	f.decode(f.do("POST", assign, tok, `{"area_code":"646"}`), &num) // primary defaults to true
	if num.Number != "+16465550190" {
		t.Fatalf("area code pick = %s, want the lowest free 646 number", num.Number)
	}
	var cr dialpad.CallRouter
	f.decode(f.do("GET", path("/api/v2/callrouters/%s", vip.ID), tok, nil), &cr)
	if got := strings.Join(cr.PhoneNumbers, ","); got != "+16465550190,+12125550150,+12125550181" {
		t.Fatalf("phone numbers = %s", got)
	}

	for _, tt := range []struct{ body, want string }{
		{`{"number":"+12125550181"}`, "already assigned"},
		{`{"number":"+12125550110"}`, "already assigned"}, // the Sales call center's
		{`{"number":"+19995550000"}`, "not in the company's reserve pool"},
		{`{"number":"2125550183"}`, "E.164"},
		{`{"area_code":"999"}`, "no free number in area code 999"},
		{`{}`, "number or area_code is required"},
	} {
		wantError(t, f.do("POST", assign, tok, tt.body), 400, tt.want)
	}

	// Deleting the router returns its numbers to the pool.
	if r := f.do("DELETE", path("/api/v2/callrouters/%s", vip.ID), tok, nil); r.status != 200 {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	wantError(t, f.do("GET", path("/api/v2/callrouters/%s", vip.ID), tok, nil), 404, "not found")
	other := f.router("Shipment Status Lookup")
	f.decode(f.do("POST", path("/api/v2/callrouters/%s/assign_number", other.ID), tok, `{"number":"+12125550150"}`), &num)
	if num.TargetID != other.ID {
		t.Fatalf("released number went to %d", num.TargetID)
	}
}

func TestMutateHelpers(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")
	if err := f.emu.MutateCallCenter(sales.ID, func(cc *dialpad.CallCenter) { cc.RingSeconds = 15; cc.ID = 1 }); err != nil {
		t.Fatal(err)
	}
	if got := f.callCenter("Sales"); got.RingSeconds != 15 || got.ID != sales.ID {
		t.Fatalf("after mutate: ring %d id %d", got.RingSeconds, got.ID)
	}
	hr := f.department("Human Resources")
	if err := f.emu.MutateDepartment(hr.ID, func(d *dialpad.Department) { d.Name = "People Team" }); err != nil {
		t.Fatal(err)
	}
	f.department("People Team")
	cr := f.router("APAC Overflow Router")
	if err := f.emu.MutateCallRouter(cr.ID, func(r *dialpad.CallRouter) { r.Enabled = false }); err != nil {
		t.Fatal(err)
	}
	if f.router("APAC Overflow Router").Enabled {
		t.Fatal("MutateCallRouter not applied")
	}
	if err := f.emu.MutateCallCenter(1, func(*dialpad.CallCenter) {}); err == nil {
		t.Fatal("mutating an unknown call center succeeded")
	}
}
