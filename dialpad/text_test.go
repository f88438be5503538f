package dialpad

import (
	"encoding/json"
	"testing"
)

// An untouched form gives back Dialpad's text normalised; that is no
// change, and a real edit is sent normalised.
func TestComputePatchNormalisesText(t *testing.T) {
	tests := []struct {
		name       string
		base, mine CallCenter
		want       string // the patch as JSON, "" for none
	}{
		{"trailing space in the name", CallCenter{Name: "Keel Desk "}, CallCenter{Name: "Keel Desk"}, ""},
		{"leading tab and no-break space", CallCenter{Name: "\tKeel Desk\u00a0"}, CallCenter{Name: "Keel Desk"}, ""},
		{"line break a text input drops", CallCenter{Name: "Keel\nDesk"}, CallCenter{Name: "KeelDesk"}, ""},
		{"non-ASCII kept", CallCenter{Name: "東京サポート "}, CallCenter{Name: "東京サポート"}, ""},
		{"CRLF description", CallCenter{GroupDescription: "one\r\ntwo\r\n"}, CallCenter{GroupDescription: "one\ntwo"}, ""},
		{"CR description", CallCenter{GroupDescription: "one\rtwo"}, CallCenter{GroupDescription: "one\ntwo"}, ""},
		{"inner tab kept in a description", CallCenter{GroupDescription: "a\tb"}, CallCenter{GroupDescription: "a\tb"}, ""},
		{"real rename sent trimmed", CallCenter{Name: "Keel Desk "}, CallCenter{Name: "  Zürich Empfang "}, `{"name":"Zürich Empfang"}`},
		{"real description edit sent with LF", CallCenter{GroupDescription: "a\r\nb"}, CallCenter{GroupDescription: "a\r\nc\r\n"}, `{"group_description":"a\nc"}`},
		{"inner spaces are an edit", CallCenter{Name: "Keel Desk"}, CallCenter{Name: "Keel  Desk"}, `{"name":"Keel  Desk"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ComputePatch(tt.base, tt.mine, tt.base, CallCenterPatchSpec())
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if len(d.Patch) > 0 {
				b, _ := json.Marshal(d.Patch)
				got = string(b)
			}
			if got != tt.want {
				t.Errorf("patch = %s, want %s", got, tt.want)
			}
		})
	}
}
