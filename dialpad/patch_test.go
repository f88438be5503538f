package dialpad

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fullCallCenter is a realistic call center with every nested object set.
func fullCallCenter() CallCenter {
	inner := func(action string, target ID) *RoutingOptionsInner {
		return &RoutingOptionsInner{
			Action:           action,
			ActionTargetID:   target,
			ActionTargetType: "department",
			DTMF: []DtmfMapping{
				{Input: "1", Options: &DtmfOptions{Action: "department", ActionTargetID: 6100000000000001, ActionTargetType: "department"}},
				{Input: "2", Options: &DtmfOptions{Action: "voicemail"}},
			},
			OperatorRouting:  "longestidle",
			TryDialOperators: true,
		}
	}
	return CallCenter{
		ID:                 5835806903417907,
		OfficeID:           4800000000000001,
		Name:               "Support EMEA",
		GroupDescription:   "First-line support for Europe",
		Country:            "gb",
		Timezone:           "Europe/London",
		State:              "active",
		AvailabilityStatus: "open",
		FirstAction:        "operators",
		NoOperatorsAction:  "voicemail",
		PhoneNumbers:       []string{"+442071234567", "+442071234568"},
		RingSeconds:        30,
		AdvancedSettings: &AdvancedSettings{
			AutoCallRecording: &AutoCallRecording{CallRecordingInbound: true},
			MaxWrapUpSeconds:  30,
		},
		Alerts: &Alerts{CCServiceLevel: 95, CCServiceLevelSeconds: 60},
		HoldQueue: &HoldQueue{
			AllowQueueCallback:          true,
			AnnouncePosition:            true,
			AnnouncementIntervalSeconds: 120,
			MaxHoldCount:                50,
			MaxHoldSeconds:              900,
			QueueCallbackDTMF:           "9",
			QueueCallbackThreshold:      5,
			QueueEscapeDTMF:             "*",
		},
		RoutingOptions: &RoutingOptions{
			Open:   inner("operators", 0),
			Closed: inner("voicemail", 6100000000000002),
		},
		VoiceIntelligence: &VoiceIntelligence{AllowPause: true, AutoStart: true},
		WeekHours: WeekHours{
			HoursOn:        true,
			MondayHours:    []string{"08:00", "18:00"},
			TuesdayHours:   []string{"08:00", "18:00"},
			WednesdayHours: []string{"08:00", "18:00"},
			ThursdayHours:  []string{"08:00", "18:00"},
			FridayHours:    []string{"08:00", "12:00", "13:00", "17:00"},
		},
	}
}

// cloneCallCenter deep-copies through JSON so edits never reach the original.
func cloneCallCenter(t testing.TB, cc CallCenter) CallCenter {
	t.Helper()
	b, err := json.Marshal(cc)
	if err != nil {
		t.Fatal(err)
	}
	var out CallCenter
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// canonJSON re-encodes a JSON text so that equal documents compare equal.
func canonJSON(t *testing.T, s string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("bad JSON %s: %v", s, err)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func fieldsOf[T any](items []T, field func(T) string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, field(it))
	}
	return out
}

func TestComputePatchCallCenter(t *testing.T) {
	edit := func(fns ...func(*CallCenter)) func(*CallCenter) {
		return func(cc *CallCenter) {
			for _, fn := range fns {
				fn(cc)
			}
		}
	}
	splitMonday := func(cc *CallCenter) { cc.MondayHours = []string{"08:00", "12:00", "13:00", "18:00"} }
	ring := func(n Int) func(*CallCenter) { return func(cc *CallCenter) { cc.RingSeconds = n } }

	tests := []struct {
		name          string
		mine, theirs  func(*CallCenter) // edits applied to copies of the base; nil = none
		wantPatch     string            // JSON; "" = no patch
		wantChanges   []string
		wantConflicts []string
	}{
		{
			name:        "one changed Monday range sends only monday_hours",
			mine:        splitMonday,
			wantPatch:   `{"monday_hours":["08:00","12:00","13:00","18:00"]}`,
			wantChanges: []string{"monday_hours"},
		},
		{
			name: "unchanged sends nothing",
		},
		{
			name:        "upstream ring_seconds change during an hours edit is not sent",
			mine:        splitMonday,
			theirs:      ring(45),
			wantPatch:   `{"monday_hours":["08:00","12:00","13:00","18:00"]}`,
			wantChanges: []string{"monday_hours"},
		},
		{
			name:          "same field changed differently is a conflict and nothing is sent",
			mine:          edit(splitMonday, ring(20)),
			theirs:        ring(40),
			wantChanges:   []string{"ring_seconds", "monday_hours"},
			wantConflicts: []string{"ring_seconds"},
		},
		{
			name:        "same change on both sides is neither sent nor a conflict",
			mine:        ring(20),
			theirs:      ring(20),
			wantChanges: []string{"ring_seconds"},
		},
		{
			name:        "same change on one field, real change on another",
			mine:        edit(ring(20), splitMonday),
			theirs:      ring(20),
			wantPatch:   `{"monday_hours":["08:00","12:00","13:00","18:00"]}`,
			wantChanges: []string{"ring_seconds", "monday_hours"},
		},
		{
			name: "every conflict is listed",
			mine: edit(ring(20), func(cc *CallCenter) { cc.Name = "Mine"; cc.HoldQueue.MaxHoldCount = 10 }),
			theirs: edit(ring(25), func(cc *CallCenter) {
				cc.Name = "Theirs"
				cc.HoldQueue.MaxHoldCount = 11
			}),
			wantChanges:   []string{"name", "ring_seconds", "hold_queue.max_hold_count"},
			wantConflicts: []string{"name", "ring_seconds", "hold_queue.max_hold_count"},
		},
		{
			name:        "closing a day sends an empty list, not null",
			mine:        func(cc *CallCenter) { cc.FridayHours = nil },
			wantPatch:   `{"friday_hours":[]}`,
			wantChanges: []string{"friday_hours"},
		},
		{
			name: "nil and empty lists are the same",
			mine: func(cc *CallCenter) { cc.SaturdayHours = []string{}; cc.PhoneNumbers = nil },
		},
		{
			name:        "hours_on off",
			mine:        func(cc *CallCenter) { cc.HoursOn = false },
			wantPatch:   `{"hours_on":false}`,
			wantChanges: []string{"hours_on"},
		},
		{
			name:        "nested leaf is sent nested, without its siblings",
			mine:        func(cc *CallCenter) { cc.HoldQueue.MaxHoldCount = 5 },
			wantPatch:   `{"hold_queue":{"max_hold_count":5}}`,
			wantChanges: []string{"hold_queue.max_hold_count"},
		},
		{
			name:        "upstream change to a sibling leaf survives",
			mine:        func(cc *CallCenter) { cc.HoldQueue.MaxHoldCount = 5 },
			theirs:      func(cc *CallCenter) { cc.HoldQueue.MaxHoldSeconds = 600 },
			wantPatch:   `{"hold_queue":{"max_hold_count":5}}`,
			wantChanges: []string{"hold_queue.max_hold_count"},
		},
		{
			name: "routing option change carries the siblings the spec requires",
			mine: func(cc *CallCenter) { cc.RoutingOptions.Open.OperatorRouting = "simultaneous" },
			wantPatch: `{"routing_options":{
				"open":{"operator_routing":"simultaneous","action":"operators","try_dial_operators":true},
				"closed":{"action":"voicemail","action_target_id":6100000000000002,"action_target_type":"department",
					"dtmf":[{"input":"1","options":{"action":"department","action_target_id":6100000000000001,"action_target_type":"department"}},
						{"input":"2","options":{"action":"voicemail","action_target_id":0,"action_target_type":""}}],
					"operator_routing":"longestidle","try_dial_operators":true}}}`,
			wantChanges: []string{"routing_options.open.operator_routing"},
		},
		{
			name: "required siblings come from the fresh read, so upstream changes survive",
			mine: func(cc *CallCenter) { cc.RoutingOptions.Open.OperatorRouting = "simultaneous" },
			theirs: func(cc *CallCenter) {
				cc.RoutingOptions.Open.Action = "department"
				cc.RoutingOptions.Closed.OperatorRouting = "fixedorder"
			},
			wantPatch: `{"routing_options":{
				"open":{"operator_routing":"simultaneous","action":"department","try_dial_operators":true},
				"closed":{"action":"voicemail","action_target_id":6100000000000002,"action_target_type":"department",
					"dtmf":[{"input":"1","options":{"action":"department","action_target_id":6100000000000001,"action_target_type":"department"}},
						{"input":"2","options":{"action":"voicemail","action_target_id":0,"action_target_type":""}}],
					"operator_routing":"fixedorder","try_dial_operators":true}}}`,
			wantChanges: []string{"routing_options.open.operator_routing"},
		},
		{
			name:   "a required sibling missing upstream comes from mine",
			mine:   func(cc *CallCenter) { cc.RoutingOptions.Open.OperatorRouting = "simultaneous" },
			theirs: func(cc *CallCenter) { cc.RoutingOptions.Closed = nil },
			wantPatch: `{"routing_options":{
				"open":{"operator_routing":"simultaneous","action":"operators","try_dial_operators":true},
				"closed":{"action":"voicemail","action_target_id":6100000000000002,"action_target_type":"department",
					"dtmf":[{"input":"1","options":{"action":"department","action_target_id":6100000000000001,"action_target_type":"department"}},
						{"input":"2","options":{"action":"voicemail","action_target_id":0,"action_target_type":""}}],
					"operator_routing":"longestidle","try_dial_operators":true}}}`,
			wantChanges: []string{"routing_options.open.operator_routing"},
		},
		{
			name: "a changed required field is sent once",
			mine: func(cc *CallCenter) {
				cc.RoutingOptions.Closed.TryDialOperators = false
				cc.RoutingOptions.Open.TryDialOperators = false
			},
			wantPatch:   `{"routing_options":{"open":{"action":"operators","try_dial_operators":false},"closed":{"action":"voicemail","try_dial_operators":false}}}`,
			wantChanges: []string{"routing_options.closed.try_dial_operators", "routing_options.open.try_dial_operators"},
		},
		{
			name:        "arrays inside nested objects are atomic",
			mine:        func(cc *CallCenter) { cc.RoutingOptions.Open.DTMF = cc.RoutingOptions.Open.DTMF[:1] },
			wantChanges: []string{"routing_options.open.dtmf"},
			wantPatch: `{"routing_options":{
				"open":{"dtmf":[{"input":"1","options":{"action":"department","action_target_id":6100000000000001,"action_target_type":"department"}}],
					"action":"operators","try_dial_operators":true},
				"closed":{"action":"voicemail","action_target_id":6100000000000002,"action_target_type":"department",
					"dtmf":[{"input":"1","options":{"action":"department","action_target_id":6100000000000001,"action_target_type":"department"}},
						{"input":"2","options":{"action":"voicemail","action_target_id":0,"action_target_type":""}}],
					"operator_routing":"longestidle","try_dial_operators":true}}}`,
		},
		{
			name:        "a new nested object is sent whole",
			mine:        func(cc *CallCenter) { cc.Alerts = &Alerts{CCServiceLevel: 90, CCServiceLevelSeconds: 60} },
			wantPatch:   `{"alerts":{"cc_service_level":90}}`,
			wantChanges: []string{"alerts.cc_service_level"},
		},
		{
			name: "a nested object mine leaves null is not a change",
			mine: func(cc *CallCenter) { cc.HoldQueue = nil; cc.VoiceIntelligence = nil },
		},
		{
			name:          "a leaf removed upstream while mine changed it is a conflict",
			mine:          func(cc *CallCenter) { cc.HoldQueue.MaxHoldCount = 5 },
			theirs:        func(cc *CallCenter) { cc.HoldQueue = nil },
			wantChanges:   []string{"hold_queue.max_hold_count"},
			wantConflicts: []string{"hold_queue.max_hold_count"},
		},
		{
			name: "fields outside the spec are never sent",
			mine: func(cc *CallCenter) {
				cc.State = "deleted"
				cc.Timezone = "UTC"
				cc.ID = 1
				cc.PhoneNumbers = []string{"+1"}
			},
		},
		{
			name:        "several fields make one patch",
			mine:        edit(splitMonday, ring(25), func(cc *CallCenter) { cc.Name = "Support"; cc.HoldQueue.AnnouncePosition = false }),
			wantPatch:   `{"name":"Support","ring_seconds":25,"monday_hours":["08:00","12:00","13:00","18:00"],"hold_queue":{"announce_position":false}}`,
			wantChanges: []string{"name", "ring_seconds", "monday_hours", "hold_queue.announce_position"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := fullCallCenter()
			mine, theirs := cloneCallCenter(t, base), cloneCallCenter(t, base)
			if tt.mine != nil {
				tt.mine(&mine)
			}
			if tt.theirs != nil {
				tt.theirs(&theirs)
			}
			d, err := ComputePatch(base, mine, theirs, CallCenterPatchSpec())
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantPatch == "" {
				if d.Patch != nil {
					t.Errorf("patch = %v, want nil", d.Patch)
				}
			} else {
				got, err := json.Marshal(d.Patch)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != canonJSON(t, tt.wantPatch) {
					t.Errorf("patch\n got %s\nwant %s", got, canonJSON(t, tt.wantPatch))
				}
			}
			if got := fieldsOf(d.Changes, func(c Change) string { return c.Field }); !slices.Equal(got, tt.wantChanges) {
				t.Errorf("changes = %q, want %q", got, tt.wantChanges)
			}
			if got := fieldsOf(d.Conflicts, func(c Conflict) string { return c.Field }); !slices.Equal(got, tt.wantConflicts) {
				t.Errorf("conflicts = %q, want %q", got, tt.wantConflicts)
			}
			if d.HasConflicts() != (len(tt.wantConflicts) > 0) {
				t.Errorf("HasConflicts = %v", d.HasConflicts())
			}
		})
	}
}

func TestComputePatchReportsValues(t *testing.T) {
	base := fullCallCenter()
	mine, theirs := cloneCallCenter(t, base), cloneCallCenter(t, base)
	mine.RingSeconds, theirs.RingSeconds = 20, 40
	mine.SundayHours = []string{"10:00", "14:00"}

	d, err := ComputePatch(base, mine, theirs, CallCenterPatchSpec())
	if err != nil {
		t.Fatal(err)
	}
	want := []Conflict{{Field: "ring_seconds", Base: json.Number("30"), Mine: json.Number("20"), Theirs: json.Number("40")}}
	if !reflect.DeepEqual(d.Conflicts, want) {
		t.Errorf("conflicts = %#v, want %#v", d.Conflicts, want)
	}
	wantChanges := []Change{
		{Field: "ring_seconds", Old: json.Number("30"), New: json.Number("20")},
		{Field: "sunday_hours", Old: []any{}, New: []any{"10:00", "14:00"}},
	}
	if !reflect.DeepEqual(d.Changes, wantChanges) {
		t.Errorf("changes = %#v, want %#v", d.Changes, wantChanges)
	}
}

// Dialpad sends integers as strings; the engine must not see a change where
// only the encoding differs, and must send numbers as numbers.
func TestComputePatchNumbersAndStrings(t *testing.T) {
	obj := func(s string) map[string]any {
		var m map[string]any
		dec := json.NewDecoder(strings.NewReader(s))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	spec := PatchSpec{Fields: []string{"ring_seconds", "name", "hold_queue"}}
	tests := []struct {
		name               string
		base, mine, theirs string
		wantPatch          string
		wantConflict       bool
	}{
		{"string and number are the same integer", `{"ring_seconds":"30"}`, `{"ring_seconds":30}`, `{"ring_seconds":"30"}`, "", false},
		{"numbers compare by value", `{"ring_seconds":30}`, `{"ring_seconds":30.0}`, `{"ring_seconds":3e1}`, "", false},
		{"a changed number is sent as a number", `{"ring_seconds":"30"}`, `{"ring_seconds":25}`, `{"ring_seconds":"30"}`, `{"ring_seconds":25}`, false},
		{"a text that is not a number differs from a number", `{"name":"30"}`, `{"name":"thirty"}`, `{"name":31}`, "", true},
		{"nested strings and numbers", `{"hold_queue":{"max_hold_count":"50"}}`, `{"hold_queue":{"max_hold_count":50,"max_hold_seconds":"900"}}`, `{"hold_queue":{"max_hold_count":"50"}}`, `{"hold_queue":{"max_hold_seconds":"900"}}`, false},
		{"null and absent are the same", `{"name":null}`, `{}`, `{"name":null}`, "", false},
		{"large ids keep every digit", `{"ring_seconds":5835806903417907}`, `{"ring_seconds":5835806903417908}`, `{"ring_seconds":"5835806903417907"}`, `{"ring_seconds":5835806903417908}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ComputePatch(obj(tt.base), obj(tt.mine), obj(tt.theirs), spec)
			if err != nil {
				t.Fatal(err)
			}
			if d.HasConflicts() != tt.wantConflict {
				t.Errorf("conflicts = %+v, want conflict %v", d.Conflicts, tt.wantConflict)
			}
			got := ""
			if d.Patch != nil {
				b, _ := json.Marshal(d.Patch)
				got = string(b)
			}
			if tt.wantPatch != "" {
				tt.wantPatch = canonJSON(t, tt.wantPatch)
			}
			if got != tt.wantPatch {
				t.Errorf("patch = %s, want %s", got, tt.wantPatch)
			}
		})
	}

	// The same through the typed model: Dialpad's string-encoded read equals
	// the natively built call center.
	base := fullCallCenter()
	wire := []byte(`{"id":"5835806903417907","ring_seconds":"30","name":"Support EMEA"}`)
	var fromWire CallCenter
	if err := json.Unmarshal(wire, &fromWire); err != nil {
		t.Fatal(err)
	}
	native := CallCenter{ID: base.ID, RingSeconds: 30, Name: "Support EMEA"}
	d, err := ComputePatch(native, native, fromWire, CallCenterPatchSpec())
	if err != nil || len(d.Patch) != 0 || len(d.Conflicts) != 0 {
		t.Errorf("wire vs native: %+v, %v", d, err)
	}
}

func TestComputePatchOtherModels(t *testing.T) {
	t.Run("department", func(t *testing.T) {
		base := Department{Name: "Sales", RingSeconds: 30, HoldQueue: &HoldQueueDepartment{MaxHoldCount: 5}}
		mine := base
		mine.HoldQueue = &HoldQueueDepartment{MaxHoldCount: 5, AllowQueuing: true}
		mine.AutoCallRecording = true
		d, err := ComputePatch(base, mine, base, DepartmentPatchSpec())
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(d.Patch)
		if want := `{"auto_call_recording":true,"hold_queue":{"allow_queuing":true}}`; string(got) != want {
			t.Errorf("patch = %s, want %s", got, want)
		}
	})
	t.Run("call router never diffs the secret", func(t *testing.T) {
		base := CallRouter{Name: "r", RoutingURL: "https://a.example/route", Enabled: false, Signature: &Signature{Secret: "x"}}
		mine := base
		mine.Enabled = true
		mine.Signature = &Signature{Secret: "y"}
		d, err := ComputePatch(base, mine, base, CallRouterPatchSpec())
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(d.Patch)
		if want := `{"enabled":true}`; string(got) != want {
			t.Errorf("patch = %s, want %s", got, want)
		}
	})
}

func TestComputePatchRejectsNonObjects(t *testing.T) {
	if _, err := ComputePatch(1, 2, 3, PatchSpec{Fields: []string{"x"}}); err == nil {
		t.Error("ints: want an error")
	}
	var nilCC *CallCenter
	cc := fullCallCenter()
	if _, err := ComputePatch(nilCC, &cc, &cc, CallCenterPatchSpec()); err == nil {
		t.Error("nil base: want an error")
	}
	if _, err := ComputePatch(&cc, &cc, &cc, CallCenterPatchSpec()); err != nil {
		t.Errorf("pointers: %v", err)
	}
}

func TestApplyPatch(t *testing.T) {
	base := fullCallCenter()
	p := Patch{
		"monday_hours": []any{"09:00", "17:00"},
		"ring_seconds": json.Number("25"),
		"hold_queue":   map[string]any{"max_hold_count": 7},
		"alerts":       nil,
	}
	got, err := ApplyPatch(base, p)
	if err != nil {
		t.Fatal(err)
	}
	want := cloneCallCenter(t, base)
	want.MondayHours = []string{"09:00", "17:00"}
	want.RingSeconds = 25
	want.HoldQueue.MaxHoldCount = 7
	want.Alerts = nil
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if !reflect.DeepEqual(base, fullCallCenter()) {
		t.Error("ApplyPatch changed its input")
	}
	if _, err := ApplyPatch(3, p); err == nil {
		t.Error("int: want an error")
	}
}

// The specs must list exactly the fields of the spec's Update*Message
// (minus the router's explicit actions) and its required arrays.
func TestPatchSpecsMatchOpenAPI(t *testing.T) {
	raw, err := os.ReadFile("../../shared/dialpad-openapi.json")
	if err != nil {
		t.Skipf("OpenAPI spec not available: %v", err)
	}
	type schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
	}
	var doc struct {
		Components struct {
			Schemas map[string]schema `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	props := func(name string, except ...string) []string {
		s, ok := doc.Components.Schemas[name]
		if !ok {
			t.Fatalf("no schema %s", name)
		}
		var out []string
		for k := range s.Properties {
			if !slices.Contains(except, k) {
				out = append(out, k)
			}
		}
		slices.Sort(out)
		return out
	}
	sorted := func(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

	for _, tt := range []struct {
		schema string
		except []string
		spec   PatchSpec
	}{
		{"schemas.group.UpdateCallCenterMessage", nil, CallCenterPatchSpec()},
		{"schemas.group.UpdateDepartmentMessage", nil, DepartmentPatchSpec()},
		{"schemas.call_router.UpdateApiCallRouterMessage", []string{"secret", "reset_error_count"}, CallRouterPatchSpec()},
	} {
		if got, want := sorted(tt.spec.Fields), props(tt.schema, tt.except...); !slices.Equal(got, want) {
			t.Errorf("%s fields\n got %q\nwant %q", tt.schema, got, want)
		}
	}
	req := CallCenterPatchSpec().Required
	if got, want := sorted(req["routing_options"]), sorted(doc.Components.Schemas["schemas.group.RoutingOptions"].Required); !slices.Equal(got, want) {
		t.Errorf("routing_options required = %q, want %q", got, want)
	}
	inner := sorted(doc.Components.Schemas["schemas.group.RoutingOptionsInner"].Required)
	for _, p := range []string{"routing_options.open", "routing_options.closed"} {
		if got := sorted(req[p]); !slices.Equal(got, inner) {
			t.Errorf("%s required = %q, want %q", p, got, inner)
		}
	}
}

// BenchmarkComputePatch diffs a full call center (every nested object set):
// one Monday range changed, the usual save; and nothing changed, the
// usual preview of a form just opened.
func BenchmarkComputePatch(b *testing.B) {
	base := fullCallCenter()
	spec := CallCenterPatchSpec()
	oneDay := cloneCallCenter(b, base)
	oneDay.MondayHours = []string{"08:00", "12:00", "13:00", "18:00"}
	for _, bc := range []struct {
		name  string
		mine  CallCenter
		patch int
	}{
		{"one day changed", oneDay, 1},
		{"nothing changed", cloneCallCenter(b, base), 0},
	} {
		b.Run(bc.name, func(b *testing.B) {
			theirs := cloneCallCenter(b, base)
			b.ReportAllocs()
			for b.Loop() {
				d, err := ComputePatch(base, bc.mine, theirs, spec)
				if err != nil || len(d.Patch) != bc.patch {
					b.Fatalf("%v %v", d, err)
				}
			}
		})
	}
}
