package dialpad_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/spectest"
)

// TestClientSpeaksTheSpec calls every endpoint the console uses, reads and
// writes, through the client against the emulator behind spectest: each
// request the client sends and each answer the emulator gives must match
// Dialpad's spec (violations fail the test at cleanup).
func TestClientSpeaksTheSpec(t *testing.T) {
	ctx := context.Background()
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	srv := httptest.NewServer(spectest.Wrap(t, emu))
	t.Cleanup(srv.Close)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: emu.IssueToken(emulator.AdminUserID)})
	c := dialpad.New(srv.URL, dialpad.WithTokenSource(ts))
	ok := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	check := func(_ any, err error) { t.Helper(); ok(err) }

	// Reads: every list, and every resource in it.
	me, err := c.Me(ctx)
	ok(err)
	users, err := c.Users(ctx, dialpad.ListFilter{})
	ok(err)
	check(c.User(ctx, me.ID))
	check(c.Company(ctx))
	offices, err := c.Offices(ctx)
	ok(err)
	centers, err := c.CallCenters(ctx, dialpad.ListFilter{})
	ok(err)
	departments, err := c.Departments(ctx, dialpad.ListFilter{})
	ok(err)
	routers, err := c.CallRouters(ctx, dialpad.ListFilter{})
	ok(err)
	if len(users) == 0 || len(offices) == 0 || len(centers) == 0 || len(departments) == 0 || len(routers) == 0 {
		t.Fatal("the seed should have users, offices, call centers, departments and routers")
	}
	type target struct {
		kind string
		id   dialpad.ID
	}
	var targets []target
	for _, o := range offices {
		check(c.Office(ctx, o.ID))
		check(c.CallCenters(ctx, dialpad.ListFilter{OfficeID: o.ID, NameSearch: "a"}))
		check(c.Departments(ctx, dialpad.ListFilter{OfficeID: o.ID, NameSearch: "a"}))
		check(c.CallRouters(ctx, dialpad.ListFilter{OfficeID: o.ID}))
		targets = append(targets, target{dialpad.TargetOffice, o.ID})
	}
	for _, cc := range centers {
		check(c.CallCenter(ctx, cc.ID))
		check(c.CallCenterStatus(ctx, cc.ID))
		targets = append(targets, target{dialpad.TargetCallCenter, cc.ID})
	}
	for _, d := range departments {
		check(c.Department(ctx, d.ID))
		targets = append(targets, target{dialpad.TargetDepartment, d.ID})
	}
	for _, r := range routers {
		check(c.CallRouter(ctx, r.ID))
		targets = append(targets, target{dialpad.TargetCallRouter, r.ID})
	}
	for _, tg := range targets {
		check(c.CustomIVRs(ctx, tg.kind, tg.id))
	}

	// Writes: the saves the console makes.
	cc := centers[0]
	mine := cc
	mine.RingSeconds++
	mine.MondayHours = []string{"07:00", "12:00", "13:00", "19:00"}
	check(c.SaveCallCenter(ctx, cc.ID, cc, mine))
	d := departments[0]
	mineD := d
	mineD.GroupDescription = "Conformance check"
	mineD.HoursOn = !d.HoursOn
	check(c.SaveDepartment(ctx, d.ID, d, mineD))

	created, err := c.CreateCallRouter(ctx, dialpad.CreateCallRouter{
		Name: "Conformance Router", OfficeID: offices[0].ID, RoutingURL: "https://example.com/route",
		DefaultTargetID: cc.ID, DefaultTargetType: dialpad.TargetCallCenter, Enabled: true, Secret: "conformance-secret-0123456789abcdef",
	})
	ok(err)
	edited := *created
	edited.Enabled = false
	edited.RoutingURL = "https://example.com/route2"
	check(c.SaveCallRouter(ctx, created.ID, *created, edited, dialpad.Patch{"reset_error_count": true}))
	check(c.AssignCallRouterNumber(ctx, created.ID, dialpad.AssignNumber{AreaCode: "212"}))
	ok(c.DeleteCallRouter(ctx, created.ID))

	ivr, err := c.CreateCustomIVR(ctx, dialpad.CreateCustomIVR{
		Name: "Conformance greeting", File: silentMP3(), IVRType: "GREETING",
		TargetType: dialpad.TargetCallCenter, TargetID: cc.ID,
	})
	ok(err)
	renamed := *ivr
	renamed.Name = "Renamed greeting"
	check(c.SaveCustomIVRDetails(ctx, dialpad.TargetCallCenter, cc.ID, ivr.ID, *ivr, renamed))
	check(c.AssignCustomIVR(ctx, dialpad.TargetCallCenter, cc.ID, "GREETING", dialpad.AssignCustomIVR{IVRID: ivr.ID}))
	ok(c.UnassignCustomIVR(ctx, dialpad.TargetCallCenter, cc.ID, "GREETING", dialpad.AssignCustomIVR{IVRID: ivr.ID}))
}

// TestClientSpeaksTheSpecLargeCompany reads the lists of a generated
// company (the benchmarks' data) through the client, checked the same way.
func TestClientSpeaksTheSpecLargeCompany(t *testing.T) {
	ctx := context.Background()
	emu := emulator.New(emulator.Options{Offices: 4, CallCenters: 60, CompanyRPS: -1})
	srv := httptest.NewServer(spectest.Wrap(t, emu))
	t.Cleanup(srv.Close)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: emu.IssueToken(emulator.AdminUserID)})
	c := dialpad.New(srv.URL, dialpad.WithTokenSource(ts))
	for name, read := range map[string]func() error{
		"offices":      func() error { _, err := c.Offices(ctx); return err },
		"call centers": func() error { _, err := c.CallCenters(ctx, dialpad.ListFilter{}); return err },
		"departments":  func() error { _, err := c.Departments(ctx, dialpad.ListFilter{}); return err },
		"routers":      func() error { _, err := c.CallRouters(ctx, dialpad.ListFilter{}); return err },
		"users":        func() error { _, err := c.Users(ctx, dialpad.ListFilter{}); return err },
	} {
		if err := read(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// silentMP3 is a few frames of silent MPEG-1 Layer III audio.
func silentMP3() []byte {
	var out []byte
	for range 4 {
		f := make([]byte, 96)
		copy(f, []byte{0xFF, 0xFB, 0x14, 0xC4})
		out = append(out, f...)
	}
	return out
}
