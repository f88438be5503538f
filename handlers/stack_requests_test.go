package handlers_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"switchboard/dialpad/emulator"
)

// apiRequests is what Dialpad received since the last reset, as
// "METHOD path".
func (s *stack) apiRequests() []string {
	var out []string
	for _, r := range s.Emulator.Requests() {
		out = append(out, r.Method+" "+r.Path)
	}
	return out
}

// writes are the requests that changed (or tried to change) something in
// Dialpad since the last reset.
func (s *stack) writes() []emulator.Request {
	var out []emulator.Request
	for _, r := range s.Emulator.Requests() {
		if r.Method != http.MethodGet {
			out = append(out, r)
		}
	}
	return out
}

// writeLines are the writes as "METHOD path body", bodies compacted.
func (s *stack) writeLines() []string {
	var out []string
	for _, r := range s.writes() {
		out = append(out, r.Method+" "+r.Path+" "+compactJSON(r.Body))
	}
	return out
}

// wantWrites asserts exactly these writes, in order.
func (s *stack) wantWrites(want ...string) {
	s.t.Helper()
	if got := s.writeLines(); !slices.Equal(got, want) {
		s.t.Errorf("Dialpad received\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// onePatch asserts exactly one write, a PATCH to path with body want.
func (s *stack) onePatch(path, want string) {
	s.t.Helper()
	ws := s.writes()
	if len(ws) != 1 {
		s.t.Fatalf("Dialpad received %d writes, want exactly one PATCH: %s", len(ws), describe(ws))
	}
	if ws[0].Method != http.MethodPatch || ws[0].Path != path {
		s.t.Fatalf("write is %s %s, want PATCH %s", ws[0].Method, ws[0].Path, path)
	}
	if got := compactJSON(ws[0].Body); got != want {
		s.t.Errorf("PATCH body\n got %s\nwant %s", got, want)
	}
}

// nothingSent asserts Dialpad received no write.
func (s *stack) nothingSent() {
	s.t.Helper()
	if ws := s.writes(); len(ws) > 0 {
		s.t.Errorf("Dialpad received writes, want none: %s", describe(ws))
	}
}

// describe lists requests for a failure message.
func describe(rs []emulator.Request) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("\n  " + r.Method + " " + r.Path + " " + string(r.Body))
	}
	return b.String()
}

// compactJSON is a request body without spaces, to compare with a
// literal; a body that is not JSON comes back as it is, so it shows in
// the failure.
func compactJSON(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	// Numbers stay as written: ids are past float64's exact range.
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return string(b)
	}
	out, _ := json.Marshal(v)
	return string(out)
}
