package dialpad

import (
	"encoding/json"
	"strconv"
	"testing"
)

func TestDecodeFlexInt(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr bool
	}{
		{in: `123`, want: 123},
		{in: `"123"`, want: 123},
		{in: `"5835806903417907"`, want: 5835806903417907},
		{in: `5835806903417907`, want: 5835806903417907},
		{in: `"9223372036854775807"`, want: 9223372036854775807},
		{in: ` 42 `, want: 42},
		{in: `null`, want: 0},
		{in: `""`, want: 0},
		{in: `0`, want: 0},
		{in: `"abc"`, wantErr: true},
		{in: `"12a"`, wantErr: true},
		{in: `1.5`, wantErr: true},
		{in: `true`, wantErr: true},
		{in: `{}`, wantErr: true},
		{in: `"9223372036854775808"`, wantErr: true},
		{in: `"12`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := decodeFlexInt([]byte(tt.in))
			if tt.wantErr {
				if err == nil {
					t.Fatalf("decodeFlexInt(%s) = %d, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("decodeFlexInt(%s) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

// Dialpad sends the same fields as strings or numbers; both must land in
// the models, and ids must go back out as numbers.
func TestModelsDecodeStringAndNumberForms(t *testing.T) {
	forms := map[string]string{
		"strings": `{"id":"5835806903417907","office_id":"4","ring_seconds":"30",
			"hold_queue":{"max_hold_count":"50"},
			"routing_options":{"open":{"action":"menu","action_target_id":"77","try_dial_operators":true}}}`,
		"numbers": `{"id":5835806903417907,"office_id":4,"ring_seconds":30,
			"hold_queue":{"max_hold_count":50},
			"routing_options":{"open":{"action":"menu","action_target_id":77,"try_dial_operators":true}}}`,
	}
	for name, doc := range forms {
		t.Run(name, func(t *testing.T) {
			var cc CallCenter
			if err := json.Unmarshal([]byte(doc), &cc); err != nil {
				t.Fatal(err)
			}
			if cc.ID != 5835806903417907 || cc.OfficeID != 4 || cc.RingSeconds != 30 ||
				cc.HoldQueue == nil || cc.HoldQueue.MaxHoldCount != 50 ||
				cc.RoutingOptions == nil || cc.RoutingOptions.Open.ActionTargetID != 77 {
				t.Fatalf("decoded %+v", cc)
			}
		})
	}
	out, err := json.Marshal(struct {
		ID  ID  `json:"id"`
		Int Int `json:"n"`
	}{5835806903417907, 30})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), `{"id":5835806903417907,"n":30}`; got != want {
		t.Fatalf("encoded %s, want %s", got, want)
	}
}

func FuzzDecodeID(f *testing.F) {
	for _, s := range []string{`123`, `"123"`, `null`, `""`, `"-1"`, `1e3`, `"9223372036854775807"`, `" 7"`, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n, err := decodeFlexInt(b)
		if err != nil {
			return
		}
		// Whatever decoded must decode the same from both forms Dialpad
		// uses, and survive an ID round trip.
		num := strconv.FormatInt(n, 10)
		for _, form := range []string{num, strconv.Quote(num)} {
			m, err := decodeFlexInt([]byte(form))
			if err != nil || m != n {
				t.Fatalf("input %q gave %d, but %s gives %d, %v", b, n, form, m, err)
			}
		}
		enc, err := json.Marshal(ID(n))
		if err != nil {
			t.Fatal(err)
		}
		var id ID
		if err := json.Unmarshal(enc, &id); err != nil || int64(id) != n {
			t.Fatalf("ID round trip of %d: %s -> %d, %v", n, enc, id, err)
		}
	})
}
