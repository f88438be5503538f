package emulator_test

import (
	"testing"

	"switchboard/dialpad/emulator"
)

// A company API key can do what a company admin can, including the calls
// only a company admin's key may make, until it is revoked.
func TestCompanyKey(t *testing.T) {
	f := newFixture(t, emulator.Options{})
	sales := f.callCenter("Sales")
	key := f.emu.IssueCompanyKey()
	if key == "" {
		t.Fatal("no company key issued")
	}
	edit := map[string]any{"group_description": "edited with the company key"}
	if r := f.do("GET", "/api/v2/company", key, nil); r.status != 200 {
		t.Fatalf("GET /company with the key = %d: %s", r.status, r.body)
	}
	if r := f.do("PATCH", path("/api/v2/callcenters/%s", sales.ID), key, edit); r.status != 200 {
		t.Fatalf("PATCH /callcenters with the key = %d: %s", r.status, r.body)
	}
	reqs := f.emu.Requests()
	if last := reqs[len(reqs)-1]; !last.CompanyKey {
		t.Errorf("the request is not recorded as sent with the company key: %+v", last)
	}

	f.emu.RevokeCompanyKey(key)
	if r := f.do("GET", "/api/v2/company", key, nil); r.status != 401 {
		t.Fatalf("GET /company with a revoked key = %d, want 401: %s", r.status, r.body)
	}
}
