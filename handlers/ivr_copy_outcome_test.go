package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// An item whose write lost its answer is neither done nor failed: the copy
// says it may have been applied (here it was) and carries on.
func TestIVRCopyUnknownOutcomeIsReportedAsMaybe(t *testing.T) {
	s := startIVRs(t, emulator.AdminUserID)
	sales, japan, uk, _ := copySetup(t, s)
	_, apply := s.preview(sales, japan, uk)
	s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: "/api/v2/customivrs/*", Drop: true, Applied: true, Times: 1})
	res := s.b.PostForm(ivrPath(sales)+"/copy/apply", apply)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("apply: %d", res.StatusCode)
	}
	for _, w := range []string{"1 may have been applied", "May have been applied", "Dialpad may have applied it"} {
		if !strings.Contains(res.Body, w) {
			t.Errorf("results lack %q", w)
		}
	}
	if strings.Contains(res.Body, "failed") {
		t.Error("an item that may have been applied is reported as failed")
	}
	spring := s.ivr(japan, "Spring promotion greeting")
	if got := s.selection(japan, "GREETING"); !got.Equal(dialpad.IVRSelection{spring.ID}) {
		t.Errorf("Japan Sales greeting %v, want %s: the emulator applied it before dropping", got, spring.ID)
	}
}
