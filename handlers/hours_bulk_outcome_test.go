package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// A target whose PATCH lost its answer is neither failed nor updated: it
// may have been applied, and the run says so. Applying again sends only
// what Dialpad still lacks.
func TestHoursBulkUnknownOutcomeIsReportedAsMaybe(t *testing.T) {
	c := newBulkCase(t, emulator.AdminUserID)
	c.open(t)
	t.Cleanup(c.s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: c.financeP, Drop: true, Applied: true, Times: 1}))
	t.Cleanup(c.s.Emulator.InjectFault(emulator.Fault{Method: http.MethodPatch, Path: c.claimsP, Status: 503, Times: 1}))
	res := c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.all()...)
	mustStatus(t, res, http.StatusOK)
	results := bulkResults(t, res.Body)
	for _, name := range []string{"Finance", "Freight Claims"} {
		if r := results[name]; !strings.HasPrefix(r, "May have been applied:") || !strings.Contains(r, "Dialpad may have applied it") {
			t.Errorf("%s reported as %q", name, r)
		}
	}
	if r := results["UK Sales"]; !strings.HasPrefix(r, "Updated:") {
		t.Errorf("UK Sales: %q, want Updated", r)
	}
	if !strings.Contains(res.Body, "1 updated, 1 skipped, 2 may have been applied.") {
		t.Error("summary missing")
	}

	// Finance did change (the emulator applied it before dropping); Freight
	// Claims did not. Applying again sends Freight Claims' Friday only.
	c.page = res
	res = c.post(t, weekForm(monToFri("09:00", "17:00")), "apply", c.all()...)
	mustStatus(t, res, http.StatusOK)
	got := bulkPatches(t, c.s.Emulator.Requests())
	if len(got) != 1 || !hoursJSONEqual(t, got[c.claimsP], `{"friday_hours":["09:00","17:00"]}`) {
		t.Errorf("second attempt sent %v", got)
	}
}
