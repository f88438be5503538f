package emulator_test

import (
	"bytes"
	"encoding/base64"
	"io"
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// ivrTypes lists a target's IVRs by type.
func (f *fixture) ivrTypes(targetType string, id dialpad.ID) map[string][]dialpad.CustomIVR {
	f.t.Helper()
	out := map[string][]dialpad.CustomIVR{}
	for _, t := range listAll[dialpad.CustomIVRType](f, "/api/v2/customivrs?target_type="+targetType+"&target_id="+id.String()) {
		out[t.IVRType] = t.IVRs
	}
	return out
}

func selected(ivrs []dialpad.CustomIVR) []string {
	var out []string
	for _, v := range ivrs {
		if v.Selected {
			out = append(out, v.Name)
		}
	}
	return out
}

func TestCustomIVRListNeedsATarget(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	wantError(t, f.do("GET", "/api/v2/customivrs", tok, nil), 400, "target_type is required")
	wantError(t, f.do("GET", "/api/v2/customivrs?target_type=callcenter", tok, nil), 400, "target_id is required")
	wantError(t, f.do("GET", "/api/v2/customivrs?target_type=planet&target_id=1", tok, nil), 400, "target_type must be one of")

	sales := f.ivrTypes("callcenter", f.callCenter("Sales").ID)
	for _, typ := range []string{"GREETING", "HOLD_MUSIC", "CLOSED", "VM_UNAVAILABLE"} {
		if len(sales[typ]) == 0 {
			t.Errorf("Sales has no %s IVR", typ)
		}
	}
	if len(sales["GREETING"]) != 2 || len(selected(sales["GREETING"])) != 1 {
		t.Fatalf("Sales greetings = %+v", sales["GREETING"])
	}
	if len(f.ivrTypes("office", f.office("New York HQ").ID)["MENU"]) != 1 {
		t.Fatal("office IVRs missing")
	}
	if len(f.ivrTypes("department", f.department("Reception").ID)["DEPARTMENT_INTRO"]) != 1 {
		t.Fatal("department IVRs missing")
	}
	// A router has no uploads, yet the spec lists its IVRs: none here.
	if got := f.ivrTypes("callrouter", f.router("VIP Customer Router").ID); len(got) != 0 {
		t.Errorf("router IVRs = %v, want none", got)
	}
	wantError(t, f.do("GET", "/api/v2/customivrs?target_type=callrouter&target_id=1234567890123456", tok, nil), 404, "not found")
}

func TestCustomIVRAssignAndUnassign(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	sales := f.callCenter("Sales")
	greetings := f.ivrTypes("callcenter", sales.ID)["GREETING"]
	var standard, other dialpad.CustomIVR
	for _, g := range greetings {
		if g.Name == "Standard sales greeting" {
			standard = g
		}
	}
	other = f.ivrTypes("callcenter", f.callCenter("UK Customer Care").ID)["GREETING"][0]
	p := path("/api/v2/customivrs/callcenter/%s/GREETING", sales.ID)

	var typ dialpad.CustomIVRType
	f.decode(f.do("PATCH", p, tok, map[string]any{"ivr_id": standard.ID}), &typ)
	if got := selected(typ.IVRs); len(got) != 1 || got[0] != "Standard sales greeting" || typ.IVRType != "GREETING" {
		t.Fatalf("after assign: %+v", typ)
	}

	wantError(t, f.do("PATCH", p, tok, map[string]any{"ivr_id": other.ID}), 400, "is not a GREETING IVR of callcenter")
	wantError(t, f.do("PATCH", p, tok, map[string]any{"ivr_id": "1234567890123456"}), 404, "custom IVR 1234567890123456 not found")
	wantError(t, f.do("PATCH", p, tok, map[string]any{}), 400, "ivr_id is required")
	wantError(t, f.do("PATCH", p, tok, map[string]any{"ivr_id": standard.ID, "select_option": "inbound"}), 400, "select_option applies only")
	wantError(t, f.do("PATCH", p, tok, map[string]any{"ivr_id": standard.ID, "select_option": ""}), 400, "select_option must be one of")
	wantError(t, f.do("PATCH", path("/api/v2/customivrs/callcenter/%s/NOT_A_TYPE", sales.ID), tok, map[string]any{"ivr_id": standard.ID}), 404, "no IVR type")
	wantError(t, f.do("PATCH", p, f.emu.IssueToken(emulator.ManagerUserID), map[string]any{"ivr_id": standard.ID}), 403, "not a company admin")

	var details dialpad.CustomIVR
	f.decode(f.do("DELETE", p, tok, map[string]any{"ivr_id": standard.ID}), &details)
	if details.ID != standard.ID || details.Selected {
		t.Fatalf("delete answered %+v", details)
	}
	after := f.ivrTypes("callcenter", sales.ID)["GREETING"]
	if len(selected(after)) != 0 || len(after) != 1 || after[0].ID == standard.ID {
		t.Fatalf("after delete: %+v", after)
	}
}

// The spec's DELETE is "Delete and un-assign": the recording is gone from
// the target's list, its audio, its details and any later assignment, in
// both directions whatever select_option says, and a type left without
// recordings is no longer listed.
func TestCustomIVRDeleteRemovesTheRecording(t *testing.T) {
	tests := []struct {
		name    string
		center  string
		ivrType string
		ivr     string
		option  string
		left    int // recordings of the type after the delete
	}{
		{"the selected greeting", "Sales", "GREETING", "Standard sales greeting", "", 1},
		{"an unselected greeting", "Sales", "GREETING", "", "", 1},
		{"a notice for inbound calls only", "UK Customer Care", "AUTO_RECORDING", "Inbound recording notice (UK)", "inbound", 1},
		{"the only hold music", "Sales", "HOLD_MUSIC", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, emulator.Options{})
			tok := f.admin()
			cc := f.callCenter(tt.center)
			before := f.ivrTypes("callcenter", cc.ID)[tt.ivrType]
			var gone dialpad.CustomIVR
			for _, v := range before {
				if v.Name == tt.ivr || (tt.ivr == "" && (!v.Selected || len(before) == 1)) {
					gone = v
				}
			}
			if gone.ID == 0 {
				t.Fatalf("no %q among %+v", tt.ivr, before)
			}
			p := path("/api/v2/customivrs/callcenter/%s/", cc.ID) + tt.ivrType
			body := map[string]any{"ivr_id": gone.ID}
			if tt.option != "" {
				body["select_option"] = tt.option
			}
			if r := f.do("DELETE", p, tok, body); r.status != 200 {
				t.Fatalf("DELETE: %d %s", r.status, r.body)
			}
			types := f.ivrTypes("callcenter", cc.ID)
			after, listed := types[tt.ivrType]
			if len(after) != tt.left || (tt.left == 0 && listed) {
				t.Fatalf("%s after delete: %+v (listed %v)", tt.ivrType, after, listed)
			}
			for _, v := range after {
				if v.ID == gone.ID {
					t.Fatalf("deleted recording still listed: %+v", v)
				}
			}
			if r := f.do("GET", "/emulator/ivrs/"+gone.ID.String()+"/audio.mp3", "", nil); r.status != 404 {
				t.Errorf("audio of the deleted recording: %d", r.status)
			}
			wantError(t, f.do("PATCH", path("/api/v2/customivrs/%s", gone.ID), tok, `{"name":"x"}`), 404, "not found")
			wantError(t, f.do("PATCH", p, tok, map[string]any{"ivr_id": gone.ID}), 404, "not found")
			wantError(t, f.do("DELETE", p, tok, map[string]any{"ivr_id": gone.ID}), 404, "not found")
		})
	}
}

func TestCustomIVRRecordingPerDirection(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	care := f.callCenter("UK Customer Care")
	recs := f.ivrTypes("callcenter", care.ID)["AUTO_RECORDING"]
	if len(recs) != 2 || len(selected(recs)) != 2 {
		t.Fatalf("seeded recordings: %+v", recs)
	}
	var inbound dialpad.CustomIVR
	for _, r := range recs {
		if r.Name == "Inbound recording notice (UK)" {
			inbound = r
		}
	}
	p := path("/api/v2/customivrs/callcenter/%s/AUTO_RECORDING", care.ID)
	// Selecting the inbound notice for outbound calls too leaves the other
	// notice with nothing.
	var typ dialpad.CustomIVRType
	f.decode(f.do("PATCH", p, tok, map[string]any{"ivr_id": inbound.ID, "select_option": "outbound"}), &typ)
	if got := selected(typ.IVRs); len(got) != 1 || got[0] != inbound.Name {
		t.Fatalf("selected = %v", got)
	}
	// Deleting it "for inbound calls" deletes the recording: outbound
	// calls lose it too.
	var details dialpad.CustomIVR
	f.decode(f.do("DELETE", p, tok, map[string]any{"ivr_id": inbound.ID, "select_option": "inbound"}), &details)
	if details.Selected {
		t.Fatal("a deleted recording is still selected for outbound calls")
	}
	if got := selected(f.ivrTypes("callcenter", care.ID)["AUTO_RECORDING"]); len(got) != 0 {
		t.Fatalf("selected after delete: %v", got)
	}
}

func TestCustomIVRCreate(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	billing := f.callCenter("Billing")
	mp3 := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"), make([]byte, 64)...)
	frames := append([]byte{0xFF, 0xFB, 0x14, 0xC4}, make([]byte, 92)...)
	body := func(file []byte) map[string]any {
		return map[string]any{
			"name": "Billing greeting", "description": "Recorded in March", "ivr_type": "GREETING",
			"target_type": "callcenter", "target_id": billing.ID, "file": base64.StdEncoding.EncodeToString(file),
		}
	}

	tests := []struct {
		name   string
		body   any
		status int
		want   string
	}{
		{"id3 tag", body(mp3), 200, ""},
		{"frame sync", body(frames), 200, ""},
		{"not base64", map[string]any{"ivr_type": "GREETING", "target_type": "callcenter", "target_id": billing.ID, "file": "%%%not base64%%%"}, 400, "file must be base64-encoded"},
		{"not an mp3", body([]byte("RIFF....WAVEfmt ")), 400, "file is not an MP3"},
		{"empty file", body(nil), 400, "file is not an MP3"},
		{"too large", `{"ivr_type":"GREETING","target_type":"callcenter","target_id":"` + billing.ID.String() +
			`","file":"SUQz` + strings.Repeat("AAAA", (10<<20)/3+1) + `"}`, 400, "file is larger than 10 MB"},
		{"missing file", map[string]any{"ivr_type": "GREETING", "target_type": "callcenter", "target_id": billing.ID}, 400, "file is required"},
		{"bad type", map[string]any{"ivr_type": "SONG", "target_type": "callcenter", "target_id": billing.ID, "file": "SUQz"}, 400, "ivr_type must be one of"},
		{"empty type", map[string]any{"ivr_type": "", "target_type": "callcenter", "target_id": billing.ID, "file": "SUQz"}, 400, "ivr_type must be one of"},
		{"empty target type", map[string]any{"ivr_type": "GREETING", "target_type": "", "target_id": billing.ID, "file": "SUQz"}, 400, "target_type must be one of"},
		{"unknown target", map[string]any{"ivr_type": "GREETING", "target_type": "callcenter", "target_id": "1234567890123456", "file": "SUQz"}, 400, "target_id: no callcenter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := f.do("POST", "/api/v2/customivrs", tok, tt.body)
			if tt.status != 200 {
				wantError(t, r, tt.status, tt.want)
				return
			}
			var created dialpad.CustomIVR
			f.decode(r, &created)
			if created.ID == 0 || created.Name != "Billing greeting" || !created.Selected || created.DateAdded != dialpad.Int(testNow().UnixMilli()) {
				t.Fatalf("created %+v", created)
			}
			if got := selected(f.ivrTypes("callcenter", billing.ID)["GREETING"]); len(got) != 1 {
				t.Fatalf("selected greetings after create: %v", got)
			}
		})
	}
	wantError(t, f.do("POST", "/api/v2/customivrs", f.emu.IssueToken(emulator.ManagerUserID), body(mp3)), 403, "not a company admin")
}

func TestCustomIVRRenameAndAudio(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	tok := f.admin()
	ivr := f.ivrTypes("callcenter", f.callCenter("Sales").ID)["HOLD_MUSIC"][0]
	p := path("/api/v2/customivrs/%s", ivr.ID)

	var got dialpad.CustomIVR
	f.decode(f.do("PATCH", p, tok, `{"name":"Bossa nova loop","description":"Replaced in spring"}`), &got)
	if got.Name != "Bossa nova loop" || got.Description != "Replaced in spring" || got.ID != ivr.ID || !got.Selected {
		t.Fatalf("renamed: %+v", got)
	}
	f.decode(f.do("PATCH", p, tok, `{"description":"only this"}`), &got)
	if got.Name != "Bossa nova loop" || got.Description != "only this" {
		t.Fatalf("partial rename: %+v", got)
	}
	wantError(t, f.do("PATCH", p, tok, `{"name":""}`), 400, "name must not be empty")
	wantError(t, f.do("PATCH", p, tok, `{"selected":true}`), 400, "selected: unknown field")
	wantError(t, f.do("PATCH", p, f.emu.IssueToken(emulator.ManagerUserID), `{"name":"x"}`), 403, "")

	res, err := http.Get(f.srv.URL + "/emulator/ivrs/" + ivr.ID.String() + "/audio.mp3")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	audio, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "audio/mpeg" || len(audio) < 1000 {
		t.Fatalf("audio: %d %s, %d bytes", res.StatusCode, res.Header.Get("Content-Type"), len(audio))
	}
	// MPEG-1 Layer III frames, one every 96 bytes.
	for off := 0; off < len(audio); off += 96 {
		if !bytes.Equal(audio[off:off+2], []byte{0xFF, 0xFB}) {
			t.Fatalf("no frame header at %d", off)
		}
	}
	if r := f.do("GET", "/emulator/ivrs/1234567890123456/audio.mp3", "", nil); r.status != 404 {
		t.Fatalf("unknown IVR audio: %d", r.status)
	}
}
