package emulator_test

import (
	"encoding/json"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// patchCase is one PATCH body and the answer it must get: 200, or 400 with
// a message containing want.
type patchCase struct {
	name string
	body string
	want string // "" = accepted
}

// groupCases are the rules call centers and departments share.
func groupCases() []patchCase {
	long := strings.Repeat("n", 101)
	return []patchCase{
		{"not json", `ring_seconds=30`, "request body must be a JSON object"},
		{"json array", `[1,2]`, "request body must be a JSON object"},
		{"empty body", ``, "request body must be a JSON object"},
		{"unknown field", `{"ring_secs":30}`, "ring_secs: unknown field"},
		{"read-only id", `{"id":"1"}`, "id is read-only"},
		{"read-only state", `{"state":"deleted"}`, "state is read-only"},
		{"read-only phone numbers", `{"phone_numbers":["+12125550199"]}`, "phone_numbers is read-only"},
		{"read-only timezone", `{"timezone":"UTC"}`, "timezone is read-only"},
		{"read-only office", `{"office_id":"1"}`, "office_id is read-only"},
		{"name 100 chars", `{"name":"` + long[:100] + `"}`, ""},
		{"name 101 chars", `{"name":"` + long + `"}`, "name must be at most 100 characters"},
		{"name empty", `{"name":"  "}`, "name must not be empty"},
		{"name two lines", `{"name":"a\nb"}`, "name must be a single line"},
		{"name not a string", `{"name":5}`, "name must be a string"},
		{"description 256", `{"group_description":"` + strings.Repeat("d", 256) + `"}`, ""},
		{"description 257", `{"group_description":"` + strings.Repeat("d", 257) + `"}`, "group_description must be at most 256 characters"},
		{"ring 10", `{"ring_seconds":10}`, ""},
		{"ring 45 as string", `{"ring_seconds":"45"}`, ""},
		{"ring 9", `{"ring_seconds":9}`, "ring_seconds must be between 10 and 45"},
		{"ring 46", `{"ring_seconds":"46"}`, "ring_seconds must be between 10 and 45"},
		{"ring not int", `{"ring_seconds":"thirty"}`, "ring_seconds must be an integer"},
		{"ring fraction", `{"ring_seconds":30.5}`, "ring_seconds must be an integer"},
		{"hours_on not bool", `{"hours_on":"yes"}`, "hours_on must be true or false"},
		{"split shift", `{"monday_hours":["08:00","12:00","13:00","17:00"]}`, ""},
		{"closed day", `{"sunday_hours":[]}`, ""},
		{"last minute", `{"friday_hours":["00:00","23:59"]}`, ""},
		{"odd count", `{"monday_hours":["08:00","12:00","13:00"]}`, "monday_hours: needs open/close pairs"},
		{"bad time", `{"tuesday_hours":["8:00","12:00"]}`, `tuesday_hours: "8:00" is not a time of day`},
		{"runs to the end of the day", `{"tuesday_hours":["22:00","23:59"]}`, ""},
		// The spec never defines "24:00": refused as an open and as a close.
		{"closes at 24:00", `{"tuesday_hours":["22:00","24:00"]}`, `tuesday_hours: "24:00" is not a time of day`},
		{"opens at 24:00", `{"tuesday_hours":["24:00","24:00"]}`, `tuesday_hours: "24:00" is not a time of day`},
		{"touching ranges", `{"tuesday_hours":["08:00","12:00","12:00","17:00"]}`, ""},
		{"seconds", `{"tuesday_hours":["08:00:00","12:00"]}`, `tuesday_hours: "08:00:00" is not a time of day`},
		{"spaces", `{"tuesday_hours":[" 8:00","12:00"]}`, `tuesday_hours: " 8:00" is not a time of day`},
		{"not digits", `{"tuesday_hours":["0a:00","12:00"]}`, `tuesday_hours: "0a:00" is not a time of day`},
		{"empty time", `{"tuesday_hours":["","12:00"]}`, `tuesday_hours: "" is not a time of day`},
		{"unicode digits", `{"tuesday_hours":["０８:00","12:00"]}`, `is not a time of day`},
		{"hour 25", `{"tuesday_hours":["08:00","25:00"]}`, `tuesday_hours: "25:00" is not a time of day`},
		{"minute 60", `{"tuesday_hours":["08:60","12:00"]}`, `tuesday_hours: "08:60" is not a time of day`},
		{"closes before opening", `{"monday_hours":["08:00","12:00","17:00","13:00"]}`, "monday_hours: range 2 closes before it opens"},
		{"empty range", `{"monday_hours":["08:00","08:00"]}`, "monday_hours: range 1 closes before it opens"},
		{"overlapping ranges", `{"wednesday_hours":["08:00","12:00","11:00","17:00"]}`, "wednesday_hours: range 2 overlaps or comes before range 1"},
		{"descending ranges", `{"wednesday_hours":["13:00","17:00","08:00","12:00"]}`, "wednesday_hours: range 2 overlaps or comes before range 1"},
		{"hours not strings", `{"saturday_hours":[8,12]}`, `saturday_hours must be a list of "HH:MM" strings`},
		{"null leaves alone", `{"saturday_hours":null}`, ""},
		{"routing options whole", `{"routing_options":{"open":{"action":"operator","try_dial_operators":true,"operator_routing":"roundrobin"},"closed":{"action":"voicemail","try_dial_operators":false}}}`, ""},
		{"routing options without closed", `{"routing_options":{"open":{"action":"operator","try_dial_operators":true}}}`, "routing_options.closed is required"},
		{"routing inner without action", `{"routing_options":{"open":{"try_dial_operators":true},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.action is required"},
		{"routing inner without try_dial", `{"routing_options":{"open":{"action":"operator"},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.try_dial_operators is required"},
		{"routing bad action", `{"routing_options":{"open":{"action":"teleport","try_dial_operators":true},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.action must be one of"},
		{"routing bad strategy", `{"routing_options":{"open":{"action":"operator","try_dial_operators":true,"operator_routing":"loudest"},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.operator_routing must be one of"},
		{"routing empty action", `{"routing_options":{"open":{"action":"","try_dial_operators":true},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.action is required"},
		{"routing empty target type", `{"routing_options":{"open":{"action":"operator","try_dial_operators":true,"action_target_type":""},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.action_target_type must be one of"},
		{"routing empty strategy", `{"routing_options":{"open":{"action":"operator","try_dial_operators":true,"operator_routing":""},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.operator_routing must be one of"},
		{"routing empty dtmf input", `{"routing_options":{"open":{"action":"menu","try_dial_operators":false,"dtmf":[{"input":"","options":{"action":"operator"}}]},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.dtmf[0].input must be one of"},
		{"routing empty dtmf target type", `{"routing_options":{"open":{"action":"menu","try_dial_operators":false,"dtmf":[{"input":"1","options":{"action":"operator","action_target_type":""}}]},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.dtmf[0].options.action_target_type must be one of"},
		{"routing bad dtmf", `{"routing_options":{"open":{"action":"menu","try_dial_operators":false,"dtmf":[{"input":"#","options":{"action":"operator"}}]},"closed":{"action":"voicemail","try_dial_operators":false}}}`, "routing_options.open.dtmf[0].input must be one of"},
		{"voice intelligence", `{"voice_intelligence":{"allow_pause":false,"auto_start":true}}`, ""},
		{"voice intelligence unknown", `{"voice_intelligence":{"start":true}}`, "voice_intelligence.start: unknown field"},
	}
}

func TestCallCenterPatchValidation(t *testing.T) {
	cases := append(groupCases(),
		patchCase{"queue count 1000", `{"hold_queue":{"max_hold_count":1000}}`, ""},
		patchCase{"queue count 1001", `{"hold_queue":{"max_hold_count":1001}}`, "hold_queue.max_hold_count must be between 1 and 1000"},
		patchCase{"queue count 0", `{"hold_queue":{"max_hold_count":"0"}}`, "hold_queue.max_hold_count must be between 1 and 1000"},
		patchCase{"queue seconds 29", `{"hold_queue":{"max_hold_seconds":29}}`, "hold_queue.max_hold_seconds must be between 30 and 18000"},
		patchCase{"queue seconds 18000", `{"hold_queue":{"max_hold_seconds":18000}}`, ""},
		patchCase{"queue seconds 18001", `{"hold_queue":{"max_hold_seconds":18001}}`, "hold_queue.max_hold_seconds must be between 30 and 18000"},
		patchCase{"callback key", `{"hold_queue":{"queue_callback_dtmf":"#"}}`, ""},
		patchCase{"callback key bad", `{"hold_queue":{"queue_callback_dtmf":"A"}}`, "hold_queue.queue_callback_dtmf must be one of"},
		patchCase{"callback key empty", `{"hold_queue":{"queue_callback_dtmf":""}}`, "hold_queue.queue_callback_dtmf must be one of"},
		patchCase{"escape key empty", `{"hold_queue":{"queue_escape_dtmf":""}}`, "hold_queue.queue_escape_dtmf must be one of"},
		patchCase{"department queue field", `{"hold_queue":{"allow_queuing":true}}`, "hold_queue.allow_queuing: unknown field"},
		patchCase{"recording", `{"advanced_settings":{"auto_call_recording":{"call_recording_inbound":true}}}`, ""},
		patchCase{"wrap up negative", `{"advanced_settings":{"max_wrap_up_seconds":-1}}`, "advanced_settings.max_wrap_up_seconds must be at least 0"},
		patchCase{"service level 101", `{"alerts":{"cc_service_level":101}}`, "alerts.cc_service_level must be between 0 and 100"},
		patchCase{"department-only field", `{"auto_call_recording":true}`, "auto_call_recording: unknown field"},
		patchCase{"first action read-only", `{"first_action":"menu"}`, "first_action is read-only"},
	)
	f := newFixture(t, emulator.Options{})
	id := f.callCenter("Billing").ID
	runPatchCases(t, f, path("/api/v2/callcenters/%s", id), cases)
}

func TestDepartmentPatchValidation(t *testing.T) {
	cases := append(groupCases(),
		patchCase{"queue count 50", `{"hold_queue":{"max_hold_count":50}}`, ""},
		patchCase{"queue count 51", `{"hold_queue":{"max_hold_count":51}}`, "hold_queue.max_hold_count must be between 1 and 50"},
		patchCase{"queue seconds 29", `{"hold_queue":{"max_hold_seconds":29}}`, "hold_queue.max_hold_seconds must be between 30 and 18000"},
		patchCase{"allow queuing", `{"hold_queue":{"allow_queuing":true}}`, ""},
		patchCase{"call center queue field", `{"hold_queue":{"announce_position":true}}`, "hold_queue.announce_position: unknown field"},
		patchCase{"auto recording", `{"auto_call_recording":true}`, ""},
		patchCase{"call-center-only field", `{"alerts":{"cc_service_level":90}}`, "alerts: unknown field"},
	)
	f := newFixture(t, emulator.Options{})
	id := f.department("Reception").ID
	runPatchCases(t, f, path("/api/v2/departments/%s", id), cases)
}

func runPatchCases(t *testing.T, f *fixture, p string, cases []patchCase) {
	t.Helper()
	tok := f.admin()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			before := f.do("GET", p, tok, nil)
			r := f.do("PATCH", p, tok, tt.body)
			if tt.want == "" {
				if r.status != 200 {
					t.Fatalf("status = %d, want 200: %s", r.status, r.body)
				}
				return
			}
			wantError(t, r, 400, tt.want)
			if after := f.do("GET", p, tok, nil); string(after.body) != string(before.body) {
				t.Fatalf("a rejected PATCH changed the resource:\nbefore %s\nafter  %s", before.body, after.body)
			}
		})
	}
}

func TestPatchMergesPartially(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	before := f.callCenter("Sales")
	var got dialpad.CallCenter
	f.decode(f.do("PATCH", path("/api/v2/callcenters/%s", before.ID), f.admin(),
		`{"ring_seconds":"40","hold_queue":{"max_hold_count":7},"monday_hours":["07:00","11:00"]}`), &got)

	if got.RingSeconds != 40 || got.HoldQueue.MaxHoldCount != 7 {
		t.Fatalf("patched fields not applied: ring %d, max_hold_count %d", got.RingSeconds, got.HoldQueue.MaxHoldCount)
	}
	if got.HoldQueue.MaxHoldSeconds != before.HoldQueue.MaxHoldSeconds || got.HoldQueue.QueueEscapeDTMF != before.HoldQueue.QueueEscapeDTMF {
		t.Fatalf("nested fields not sent were lost: %+v", got.HoldQueue)
	}
	if strings.Join(got.MondayHours, ",") != "07:00,11:00" || strings.Join(got.TuesdayHours, ",") != strings.Join(before.TuesdayHours, ",") {
		t.Fatalf("hours: monday %v tuesday %v", got.MondayHours, got.TuesdayHours)
	}
	if got.Name != before.Name || got.ID != before.ID || got.OfficeID != before.OfficeID {
		t.Fatalf("untouched fields changed: %+v", got)
	}
	var reread dialpad.CallCenter
	f.decode(f.do("GET", path("/api/v2/callcenters/%s", before.ID), f.admin(), nil), &reread)
	if reread.RingSeconds != 40 {
		t.Fatal("PATCH not stored")
	}
}

func TestResourcesRoundTripThroughPatch(t *testing.T) {
	// What the emulator sends must be accepted back, minus read-only fields:
	// the console diffs whole resources and may send any field it read.
	f := newFixture(t, emulator.Options{})
	p := path("/api/v2/callcenters/%s", f.callCenter("Billing").ID)
	var cc map[string]json.RawMessage
	f.decode(f.do("GET", p, f.admin(), nil), &cc)
	body := map[string]any{}
	for _, k := range []string{"name", "group_description", "ring_seconds", "hold_queue", "routing_options",
		"advanced_settings", "alerts", "voice_intelligence", "hours_on", "monday_hours", "sunday_hours"} {
		body[k] = withoutEmptyStrings(cc[k])
	}
	if r := f.do("PATCH", p, f.admin(), body); r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
}

// withoutEmptyStrings drops "" values from a JSON object tree: "" is no
// value of the spec's enums, and the emulator's answers are to stop
// carrying it (the conformance tests check them); until then a resource
// read back would be refused for them alone.
func withoutEmptyStrings(raw json.RawMessage) any {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		panic(err)
	}
	var drop func(any) any
	drop = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if e == "" {
					delete(x, k)
					continue
				}
				x[k] = drop(e)
			}
		case []any:
			for i, e := range x {
				x[i] = drop(e)
			}
		}
		return v
	}
	return drop(v)
}
