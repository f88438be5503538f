package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/audit"
)

// wantEntry is what one audit row must say; Changes lists fields that must
// be there with these values (others may be too).
type wantEntry struct {
	kind    audit.Kind
	id      string
	name    string
	office  dialpad.ID
	changes []audit.Change
}

// TestAuditRecordsEveryWrite makes each kind of write the console sends to
// Dialpad and reads the audit trail: one entry per write (per target for
// bulk hours and copies), naming the person, their credential, the
// resource and each field's old and new value, applied.
func TestAuditRecordsEveryWrite(t *testing.T) {
	tests := []struct {
		name  string
		write func(t *testing.T, s *stack) []wantEntry
	}{
		{"call center hours editor", func(t *testing.T, s *stack) []wantEntry {
			cc := s.callCenter("Sales")
			_, form := s.openForm(ccPath(cc), "hours-form")
			form.Set("ring_seconds", strconv.Itoa(int(cc.RingSeconds)+5))
			form["monday_hours"] = []string{"07:00", "19:00"}
			mustStatus(t, s.b.PostForm(ccPath(cc), form), http.StatusSeeOther)
			return []wantEntry{{audit.CallCenter, cc.ID.String(), "Sales", cc.OfficeID, []audit.Change{
				{Field: "ring_seconds", Old: strconv.Itoa(int(cc.RingSeconds)), New: strconv.Itoa(int(cc.RingSeconds) + 5)},
				{Field: "monday_hours", Old: hoursJSON(cc.WeekHours.MondayHours), New: `["07:00","19:00"]`},
			}}}
		}},
		{"department hours editor", func(t *testing.T, s *stack) []wantEntry {
			d := s.department("Finance")
			path := "/departments/" + d.ID.String()
			_, form := s.openForm(path, "hours-form")
			form.Set("name", "Finance and Billing")
			mustStatus(t, s.b.PostForm(path, form), http.StatusSeeOther)
			return []wantEntry{{audit.Department, d.ID.String(), "Finance", d.OfficeID, []audit.Change{
				{Field: "name", Old: "Finance", New: "Finance and Billing"}}}}
		}},
		{"bulk hours, one entry per target", func(t *testing.T, s *stack) []wantEntry {
			uk, fleet := s.callCenter("UK Sales"), s.department("Fleet Maintenance")
			targets := []string{"callcenter:" + uk.ID.String(), "department:" + fleet.ID.String()}
			page := s.b.Get("/hours/bulk?" + url.Values{"target": targets}.Encode())
			mustStatus(t, page, http.StatusOK)
			form := weekForm(monToFri("08:30", "17:30"))
			form.Set("_base", sealedBase(t, page.Body))
			form["target"] = targets
			form.Set("action", "apply")
			mustStatus(t, s.b.PostForm("/hours/bulk", form), http.StatusOK)
			return []wantEntry{
				{audit.CallCenter, uk.ID.String(), "UK Sales", uk.OfficeID, []audit.Change{
					{Field: "monday_hours", Old: hoursJSON(uk.WeekHours.MondayHours), New: `["08:30","17:30"]`}}},
				{audit.Department, fleet.ID.String(), "Fleet Maintenance", fleet.OfficeID, []audit.Change{
					{Field: "monday_hours", Old: hoursJSON(fleet.WeekHours.MondayHours), New: `["08:30","17:30"]`}}},
			}
		}},
		{"router create", func(t *testing.T, s *stack) []wantEntry {
			ny := s.office("New York HQ")
			mustStatus(t, s.b.PostForm("/routers", url.Values{
				"name": {"Audit Router"}, "routing_url": {"https://routing.example.com/audit"},
				"default_target": {"callcenter:" + s.callCenter("Sales").ID.String()},
				"office_id":      {ny.ID.String()}, "enabled": {"true"}, "secret_action": {"keep"},
			}), http.StatusSeeOther)
			cr := s.router("Audit Router")
			return []wantEntry{{audit.CallRouter, cr.ID.String(), "Audit Router", ny.ID, []audit.Change{
				{Field: "name", New: "Audit Router"}, {Field: "routing_url", New: "https://routing.example.com/audit"}}}}
		}},
		{"router save", func(t *testing.T, s *stack) []wantEntry {
			vip := s.router("VIP Customer Router")
			_, form := s.openRouter(vip.ID)
			form.Set("routing_url", "https://routing.example.com/vip2")
			mustStatus(t, s.b.PostForm("/routers/"+vip.ID.String(), form), http.StatusSeeOther)
			return []wantEntry{{audit.CallRouter, vip.ID.String(), vip.Name, vip.OfficeID, []audit.Change{
				{Field: "routing_url", Old: vip.RoutingURL, New: "https://routing.example.com/vip2"}}}}
		}},
		{"router save with a new secret and a reset", func(t *testing.T, s *stack) []wantEntry {
			vip := s.router("VIP Customer Router")
			_, form := s.openRouter(vip.ID)
			form.Set("secret_action", "generate")
			form.Set("reset_error_count", "true")
			mustStatus(t, s.b.PostForm("/routers/"+vip.ID.String(), form), http.StatusOK)
			return []wantEntry{{audit.CallRouter, vip.ID.String(), vip.Name, vip.OfficeID, []audit.Change{
				audit.SecretChange("secret"), {Field: "reset_error_count", New: "true"}}}}
		}},
		{"router reset", func(t *testing.T, s *stack) []wantEntry {
			hotline := s.router("Carrier Hotline Router")
			mustStatus(t, s.b.PostForm("/routers/"+hotline.ID.String()+"/reset", url.Values{}), http.StatusSeeOther)
			return []wantEntry{{audit.CallRouter, hotline.ID.String(), hotline.Name, hotline.OfficeID, []audit.Change{
				{Field: "enabled", New: "true"}, {Field: "reset_error_count", New: "true"}}}}
		}},
		{"router number", func(t *testing.T, s *stack) []wantEntry {
			hotline := s.router("Carrier Hotline Router")
			mustStatus(t, s.b.PostForm("/routers/"+hotline.ID.String()+"/numbers", url.Values{"number": {"+12125550181"}}), http.StatusSeeOther)
			return []wantEntry{{audit.CallRouter, hotline.ID.String(), hotline.Name, hotline.OfficeID, []audit.Change{
				{Field: "phone_numbers", New: "+12125550181"}, {Field: "primary", New: "false"}}}}
		}},
		{"router delete", func(t *testing.T, s *stack) []wantEntry {
			vip := s.router("VIP Customer Router")
			mustStatus(t, s.b.PostForm("/routers/"+vip.ID.String()+"/delete", url.Values{}), http.StatusSeeOther)
			return []wantEntry{{audit.CallRouter, vip.ID.String(), vip.Name, vip.OfficeID, []audit.Change{
				{Field: "deleted", Old: "false", New: "true"}}}}
		}},
		{"IVR assign", func(t *testing.T, s *stack) []wantEntry {
			japan := s.callCenter("Japan Support")
			koto := s.ivr(japan.ID, "Koto hold music")
			before := s.selection(japan.ID, "HOLD_MUSIC")
			_, form := s.openIVRs(japan.ID)
			form.Set("HOLD_MUSIC", koto.ID.String())
			mustStatus(t, s.b.PostForm(ivrPath(japan.ID), form), http.StatusSeeOther)
			return []wantEntry{{audit.CustomIVR, "callcenter:" + japan.ID.String(), "Japan Support", japan.OfficeID, []audit.Change{
				{Field: "HOLD_MUSIC", Old: selectionText(before), New: koto.ID.String()}}}}
		}},
		{"IVR back to default (delete)", func(t *testing.T, s *stack) []wantEntry {
			japan := s.callCenter("Japan Support")
			greeting := s.ivr(japan.ID, "Japanese greeting")
			_, form := s.openIVRs(japan.ID)
			form.Set("GREETING", "")
			res := s.b.PostForm(ivrPath(japan.ID), form)
			plan := formOf(t, res.Body, "ivr-delete-form")
			mustStatus(t, s.b.PostForm(ivrPath(japan.ID)+"/delete", url.Values{"_plan": plan["_plan"], "_confirm": {"1"}}), http.StatusSeeOther)
			return []wantEntry{{audit.CustomIVR, "callcenter:" + japan.ID.String(), "Japan Support", japan.OfficeID, []audit.Change{
				{Field: "GREETING", Old: greeting.ID.String(), New: "default"}}}}
		}},
		{"IVR upload", func(t *testing.T, s *stack) []wantEntry {
			billing := s.callCenter("Billing")
			form := s.uploadForm(billing.ID, "HOLD_MUSIC")
			form.Set("name", "Ocean waves")
			mustStatus(t, s.postMultipart(ivrPath(billing.ID)+"/upload", form, "ocean.mp3", ivrMP3(3)), http.StatusSeeOther)
			ocean := s.ivr(billing.ID, "Ocean waves")
			return []wantEntry{{audit.CustomIVR, "callcenter:" + billing.ID.String(), "Billing", billing.OfficeID, []audit.Change{
				{Field: "HOLD_MUSIC upload", New: "Ocean waves (" + ocean.ID.String() + ")"}}}}
		}},
		{"IVR rename", func(t *testing.T, s *stack) []wantEntry {
			sales := s.callCenter("Sales")
			jazz := s.ivr(sales.ID, "Smooth jazz loop")
			path, form := s.renameForm(sales.ID, jazz)
			form.Set("name", "Smooth jazz")
			mustStatus(t, s.b.PostForm(path, form), http.StatusSeeOther)
			return []wantEntry{{audit.CustomIVR, "callcenter:" + sales.ID.String(), "Sales", sales.OfficeID, []audit.Change{
				{Field: "customivr " + jazz.ID.String() + " name", Old: "Smooth jazz loop", New: "Smooth jazz"}}}}
		}},
		{"IVR copy, per target", func(t *testing.T, s *stack) []wantEntry {
			sales, japan, uk, writes := copySetup(t, s)
			// The hold music write names the IVR copied: {"ivr_id":ID}.
			jazz := strings.TrimSuffix(writes[1][strings.LastIndex(writes[1], ":")+1:], "}")
			before := s.selection(japan, "HOLD_MUSIC")
			_, apply := s.preview(sales, japan, uk)
			mustStatus(t, s.b.PostForm(ivrPath(sales)+"/copy/apply", apply), http.StatusOK)
			// One entry per request, each with its own outcome and the
			// target's office, as the plan recorded it.
			tokyo, london := s.callCenter("Japan Sales").OfficeID, s.callCenter("UK Sales").OfficeID
			return []wantEntry{
				{audit.CustomIVR, "callcenter:" + japan.String(), "Japan Sales", tokyo, []audit.Change{
					{Field: "HOLD_MUSIC", Old: selectionText(before), New: jazz}}},
				{audit.CustomIVR, "callcenter:" + japan.String(), "Japan Sales", tokyo, []audit.Change{{Field: "GREETING", Old: anyValue, New: anyValue}}},
				{audit.CustomIVR, "callcenter:" + uk.String(), "UK Sales", london, []audit.Change{{Field: "GREETING", Old: anyValue, New: anyValue}}},
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt, db := withAudit(t)
			s := startIVRs(t, emulator.AdminUserID, opt)
			want := tt.write(t, s)
			got := auditEntries(t, db)
			for _, w := range want {
				e, ok := findEntry(got, w)
				if !ok {
					t.Errorf("no %s entry for %s %q; recorded:\n%s", w.kind, w.id, w.name, describeEntries(got))
					continue
				}
				if e.Actor.Email == "" || e.Actor.Name == "" || e.Credential != audit.OwnToken || e.Outcome.Result != audit.Applied || e.At.IsZero() {
					t.Errorf("entry %+v: want the person, own token, applied, a time", e)
				}
				if e.Resource.Name != w.name || e.Resource.OfficeID != w.office {
					t.Errorf("resource %+v, want name %q office %s", e.Resource, w.name, w.office)
				}
				for _, c := range w.changes {
					if !slices.ContainsFunc(e.Changes, func(g audit.Change) bool { return changeMatches(g, c) }) {
						t.Errorf("changes %+v lack %+v", e.Changes, c)
					}
				}
			}
			if len(got) != len(want) {
				t.Errorf("%d entries, want %d:\n%s", len(got), len(want), describeEntries(got))
			}
		})
	}
}

// TestAuditOutcomes records Dialpad's refusals with their status and
// message, answers that never came as unknown, and saves that send
// nothing not at all.
func TestAuditOutcomes(t *testing.T) {
	tests := []struct {
		name    string
		fault   *emulator.Fault
		same    bool // post the form unchanged: nothing to send
		want    audit.Outcome
		entries int
	}{
		{name: "refused 403", fault: &emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/callcenters/*", Status: 403, Message: "Requires a company admin API key"},
			want: audit.RefusedOutcome(403, "Requires a company admin API key"), entries: 1},
		{name: "refused 400", fault: &emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/callcenters/*", Status: 400, Message: "ring_seconds out of range"},
			want: audit.RefusedOutcome(400, "ring_seconds out of range"), entries: 1},
		{name: "applied, answer lost", fault: &emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/callcenters/*", Applied: true, Drop: true},
			want: audit.Outcome{Result: audit.Unknown}, entries: 1},
		{name: "nothing to send", same: true, entries: 0},
		{name: "the read before the save fails", fault: &emulator.Fault{Method: http.MethodGet, Path: "/api/v2/callcenters/*", Status: 404, Message: "gone"}, entries: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt, db := withAudit(t)
			s := signedIn(t, emulator.AdminUserID, opt)
			cc := s.callCenter("Sales")
			_, form := s.openForm(ccPath(cc), "hours-form")
			if !tt.same {
				form.Set("ring_seconds", strconv.Itoa(int(cc.RingSeconds)+5))
			}
			if tt.fault != nil {
				t.Cleanup(s.Emulator.InjectFault(*tt.fault))
			}
			s.b.PostForm(ccPath(cc), form)
			got := auditEntries(t, db)
			if len(got) != tt.entries {
				t.Fatalf("%d entries, want %d:\n%s", len(got), tt.entries, describeEntries(got))
			}
			if tt.entries == 0 {
				return
			}
			o := got[0].Outcome
			if o.Result != tt.want.Result || o.Status != tt.want.Status || (tt.want.Message != "" && o.Message != tt.want.Message) {
				t.Errorf("outcome %+v, want %+v", o, tt.want)
			}
			if len(got[0].Changes) != 1 || got[0].Changes[0].Field != "ring_seconds" {
				t.Errorf("changes %+v, want ring_seconds", got[0].Changes)
			}
		})
	}
}

// TestAuditNamesRefusedRouterActions: a reset or number assignment Dialpad
// refuses is recorded with the router's name and office (read for the
// permission check), so the trail reads well without looking up ids.
func TestAuditNamesRefusedRouterActions(t *testing.T) {
	for _, tt := range []struct {
		name, action string
		fault        emulator.Fault
	}{
		{"reset", "/reset", emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/callrouters/*", Status: 400, Message: "refused"}},
		{"number", "/numbers", emulator.Fault{Method: http.MethodPost, Path: "/api/v2/callrouters/*", Status: 400, Message: "no such number"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opt, db := withAudit(t)
			s := signedIn(t, emulator.AdminUserID, opt)
			hotline := s.router("Carrier Hotline Router")
			t.Cleanup(s.Emulator.InjectFault(tt.fault))
			s.b.PostForm("/routers/"+hotline.ID.String()+tt.action, url.Values{"number": {"+12125550181"}})
			got := auditEntries(t, db)
			if len(got) != 1 || got[0].Outcome.Result != audit.Refused {
				t.Fatalf("entries %s, want one refused", describeEntries(got))
			}
			if r := got[0].Resource; r.Name != hotline.Name || r.OfficeID != hotline.OfficeID || r.ID != hotline.ID.String() {
				t.Errorf("resource %+v, want %q in office %s", r, hotline.Name, hotline.OfficeID)
			}
		})
	}
}

// TestAuditKeepsNoSecret: a router's new signing secret is recorded as
// changed, and the secret itself is in no stored row and no CSV cell.
func TestAuditKeepsNoSecret(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	vip := s.router("VIP Customer Router")
	_, form := s.openRouter(vip.ID)
	form.Set("secret_action", "generate")
	mustStatus(t, s.b.PostForm("/routers/"+vip.ID.String(), form), http.StatusOK)
	var sent struct{ Secret string }
	if ws := s.writes(); len(ws) != 1 || json.Unmarshal(ws[0].Body, &sent) != nil || sent.Secret == "" {
		t.Fatalf("no secret sent: %s", describe(ws))
	}
	got := auditEntries(t, db)
	if len(got) != 1 || !slices.Contains(got[0].Changes, audit.SecretChange("secret")) {
		t.Fatalf("entries %s, want the secret recorded as changed", describeEntries(got))
	}
	raw, _ := json.Marshal(got)
	csv := s.b.Get("/audit.csv")
	mustStatus(t, csv, http.StatusOK)
	if strings.Contains(string(raw), sent.Secret) || strings.Contains(csv.Body, sent.Secret) {
		t.Error("the secret is in the audit trail")
	}
}

// findEntry is the entry of w's resource holding w's first change.
func findEntry(es []audit.Entry, w wantEntry) (audit.Entry, bool) {
	for _, e := range es {
		if e.Resource.Kind != w.kind || e.Resource.ID != w.id {
			continue
		}
		if len(w.changes) == 0 || slices.ContainsFunc(e.Changes, func(g audit.Change) bool { return changeMatches(g, w.changes[0]) }) {
			return e, true
		}
	}
	return audit.Entry{}, false
}

// anyValue in a wanted change matches any recorded value.
const anyValue = "\x00any"

func changeMatches(got, want audit.Change) bool {
	return got.Field == want.Field && (want.Old == anyValue || got.Old == want.Old) && (want.New == anyValue || got.New == want.New)
}

func describeEntries(es []audit.Entry) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("  ")
		b.WriteString(strings.Join([]string{string(e.Resource.Kind), e.Resource.ID, e.Resource.Name, e.Resource.OfficeID.String(), string(e.Outcome.Result)}, " "))
		for _, c := range e.Changes {
			b.WriteString(" [" + c.Field + ": " + c.Old + " -> " + c.New + "]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func hoursJSON(h []string) string {
	if h == nil {
		h = []string{}
	}
	b, _ := json.Marshal(h)
	return string(b)
}

func selectionText(s dialpad.IVRSelection) string {
	if s.IsDefault() {
		return "default"
	}
	return s.String()
}

// TestAuditRedactsSecretsFromRefusals: Dialpad's refusal may quote the
// secret sent; the recorded message does not.
func TestAuditRedactsSecretsFromRefusals(t *testing.T) {
	opt, db := withAudit(t)
	s := signedIn(t, emulator.AdminUserID, opt)
	vip := s.router("VIP Customer Router")
	const secret = "pasted-secret-0123456789-abcdefghijklmnop"
	_, form := s.openRouter(vip.ID)
	form.Set("secret_action", "set")
	form.Set("secret", secret)
	t.Cleanup(s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/callrouters/*", Status: 400,
		Message: "secret " + secret + " is not allowed"}))
	s.b.PostForm("/routers/"+vip.ID.String(), form)
	got := auditEntries(t, db)
	if len(got) != 1 || got[0].Outcome.Result != audit.Refused || got[0].Outcome.Status != 400 {
		t.Fatalf("entries %s, want one refused", describeEntries(got))
	}
	raw, _ := json.Marshal(got)
	if strings.Contains(string(raw), secret) {
		t.Errorf("the secret is in the audit trail: %s", raw)
	}
}
