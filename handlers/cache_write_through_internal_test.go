package handlers

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"switchboard/dialpad"
)

// What a write Dialpad accepted leaves in the cache: a PATCH of one
// resource answered with that resource is written in place; anything else
// drops its collection as before.
func TestWriteThroughOrDrop(t *testing.T) {
	const (
		list      = "/api/v2/callcenters?limit=100&office_id=1"
		otherPage = "/api/v2/callcenters?cursor=b&limit=100&office_id=1"
		item      = "/api/v2/callcenters/7"
		status    = "/api/v2/callcenters/7/status"
		other     = "/api/v2/callcenters/8"
		routers   = "/api/v2/callrouters?limit=100"
	)
	seed := map[string]string{
		list:      `{"items":[{"id":"7","name":"Sales","ring_seconds":"30"},{"id":8,"name":"Support"}],"cursor":"b"}`,
		otherPage: `{"items":[{"id":"9","name":"Billing"}]}`,
		item:      `{"id":"7","name":"Sales","ring_seconds":"30"}`,
		status:    `{"status":"open"}`,
		other:     `{"id":8,"name":"Support"}`,
		routers:   `{"items":[{"id":"7","name":"Router seven"}]}`,
	}
	const answer = `{"id": "7", "name": "Sales and Renewals", "ring_seconds": "45"}`
	const saved = `{"id":"7","name":"Sales and Renewals","ring_seconds":"45"}`
	written := map[string]string{
		list:      `{"cursor":"b","items":[` + saved + `,{"id":8,"name":"Support"}]}`,
		otherPage: seed[otherPage],
		item:      saved,
		status:    "", // dropped: the answer cannot say
		other:     seed[other],
		routers:   seed[routers],
	}
	dropped := map[string]string{
		list: "", otherPage: "", item: "", status: "", other: "",
		routers: seed[routers],
	}
	tests := []struct {
		name  string
		write write
		want  map[string]string // key -> entry afterwards ("" = dropped)
	}{
		{"PATCH answered with the resource", write{http.MethodPatch, "/api/v2/callcenters/7", []byte(answer)}, written},
		{"answer not JSON", write{http.MethodPatch, "/api/v2/callcenters/7", []byte("<html>")}, dropped},
		{"answer empty", write{http.MethodPatch, "/api/v2/callcenters/7", nil}, dropped},
		{"answer another resource", write{http.MethodPatch, "/api/v2/callcenters/7", []byte(`{"id":"8"}`)}, dropped},
		{"answer without id", write{http.MethodPatch, "/api/v2/callcenters/7", []byte(`{"name":"x"}`)}, dropped},
		{"create", write{http.MethodPost, "/api/v2/callcenters", []byte(answer)}, dropped},
		{"delete", write{http.MethodDelete, "/api/v2/callcenters/7", nil}, dropped},
		{"sub-resource", write{http.MethodPatch, "/api/v2/callcenters/7/operators", []byte(answer)}, dropped},
	}
	now := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &Handler{Now: func() time.Time { return now }}
			scope := h.cacheScope(dialpad.User{ID: 1})
			reads := &h.caches().reads
			for k, v := range seed {
				_, _ = reads.Get(t.Context(), scope+k, false, func(context.Context) ([]byte, error) { return []byte(v), nil })
			}
			h.dropWritten(scope, []write{tt.write})
			for k, want := range tt.want {
				e, ok := reads.Store.Get(scope + k)
				switch {
				case want == "" && ok:
					t.Errorf("%s kept %s, want dropped", k, e.Value)
				case want != "" && !ok:
					t.Errorf("%s dropped, want %s", k, want)
				case want != "" && !sameJSON(t, e.Value, want):
					t.Errorf("%s = %s, want %s", k, e.Value, want)
				}
			}
		})
	}
}

func sameJSON(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("entry %s is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	return string(gb) == string(wb)
}
