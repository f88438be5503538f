package dialpad_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/dialpad/spectest"
)

// newEmulatorClient serves a demo emulator and returns a client signed in as
// the company admin.
func newEmulatorClient(t *testing.T) (*emulator.Emulator, *dialpad.Client) {
	t.Helper()
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	// Every exchange is checked against Dialpad's spec; violations fail the test.
	srv := httptest.NewServer(spectest.Wrap(t, emu))
	t.Cleanup(srv.Close)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: emu.IssueToken(emulator.AdminUserID)})
	return emu, dialpad.New(srv.URL, dialpad.WithTokenSource(ts))
}

// hoursCenter returns a seeded call center with business hours on.
func hoursCenter(t *testing.T, c *dialpad.Client) dialpad.CallCenter {
	t.Helper()
	all, err := c.CallCenters(context.Background(), dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range all {
		if cc.HoursOn && len(cc.MondayHours) > 0 {
			full, err := c.CallCenter(context.Background(), cc.ID)
			if err != nil {
				t.Fatal(err)
			}
			return *full
		}
	}
	t.Fatal("seed has no call center with Monday hours")
	return dialpad.CallCenter{}
}

// patches returns the bodies of the PATCH requests the emulator received.
func patches(emu *emulator.Emulator) []map[string]any {
	var out []map[string]any
	for _, r := range emu.Requests() {
		if r.Method == http.MethodPatch {
			var m map[string]any
			_ = json.Unmarshal(r.Body, &m)
			out = append(out, m)
		}
	}
	return out
}

func TestSaveCallCenterSendsOnlyTheChangedDay(t *testing.T) {
	emu, c := newEmulatorClient(t)
	base := hoursCenter(t, c)
	mine := base
	mine.MondayHours = []string{"07:00", "11:00", "13:00", "19:00"}
	emu.ResetRequests()

	saved, err := c.SaveCallCenter(context.Background(), base.ID, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{{"monday_hours": []any{"07:00", "11:00", "13:00", "19:00"}}}
	if got := patches(emu); !reflect.DeepEqual(got, want) {
		t.Fatalf("PATCH bodies = %v, want %v", got, want)
	}
	if !saved.Sent || !reflect.DeepEqual(saved.Current.MondayHours, mine.MondayHours) {
		t.Errorf("saved = %+v, want the updated call center", saved)
	}
}

func TestSaveCallCenterWithoutChangesSendsNothing(t *testing.T) {
	emu, c := newEmulatorClient(t)
	base := hoursCenter(t, c)
	emu.ResetRequests()

	saved, err := c.SaveCallCenter(context.Background(), base.ID, base, base)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Sent || len(saved.Diff.Patch) != 0 || len(saved.Diff.Conflicts) != 0 {
		t.Errorf("saved = %+v, want nothing sent", saved)
	}
	if got := patches(emu); len(got) != 0 {
		t.Errorf("PATCH bodies = %v, want none", got)
	}
}

func TestSaveCallCenterKeepsAnUpstreamChange(t *testing.T) {
	emu, c := newEmulatorClient(t)
	base := hoursCenter(t, c)
	upstream := base.RingSeconds + 5
	if upstream > 45 {
		upstream = base.RingSeconds - 5
	}
	if err := emu.MutateCallCenter(base.ID, func(cc *dialpad.CallCenter) { cc.RingSeconds = upstream }); err != nil {
		t.Fatal(err)
	}
	mine := base
	mine.TuesdayHours = []string{"09:00", "17:00"}

	if _, err := c.SaveCallCenter(context.Background(), base.ID, base, mine); err != nil {
		t.Fatal(err)
	}
	now, err := c.CallCenter(context.Background(), base.ID)
	if err != nil {
		t.Fatal(err)
	}
	if now.RingSeconds != upstream {
		t.Errorf("ring_seconds = %d, want the upstream %d to survive", now.RingSeconds, upstream)
	}
	if !reflect.DeepEqual(now.TuesdayHours, mine.TuesdayHours) {
		t.Errorf("tuesday_hours = %v, want %v", now.TuesdayHours, mine.TuesdayHours)
	}
}

func TestSaveCallCenterConflictSendsNothing(t *testing.T) {
	emu, c := newEmulatorClient(t)
	base := hoursCenter(t, c)
	if err := emu.MutateCallCenter(base.ID, func(cc *dialpad.CallCenter) { cc.Name = "Renamed elsewhere" }); err != nil {
		t.Fatal(err)
	}
	mine := base
	mine.Name = "Renamed here"
	mine.FridayHours = []string{"10:00", "16:00"}
	emu.ResetRequests()

	saved, err := c.SaveCallCenter(context.Background(), base.ID, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Sent || len(saved.Diff.Conflicts) != 1 || saved.Diff.Conflicts[0].Field != "name" {
		t.Fatalf("saved = %+v, want one conflict on name and nothing sent", saved)
	}
	if got := patches(emu); len(got) != 0 {
		t.Errorf("PATCH bodies = %v, want none while a conflict is open", got)
	}
	if saved.Current.Name != "Renamed elsewhere" {
		t.Errorf("Current.Name = %q, want the fresh read", saved.Current.Name)
	}
}

func TestSaveCallRouterSendsExtraAloneAsOnePatch(t *testing.T) {
	emu, c := newEmulatorClient(t)
	routers, err := c.CallRouters(context.Background(), dialpad.ListFilter{})
	if err != nil || len(routers) == 0 {
		t.Fatalf("routers: %v, %v", routers, err)
	}
	r := routers[0]
	emu.ResetRequests()

	extra := dialpad.Patch{"enabled": true, "reset_error_count": true}
	if _, err := c.SaveCallRouter(context.Background(), r.ID, r, r, extra); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{{"enabled": true, "reset_error_count": true}}
	if got := patches(emu); !reflect.DeepEqual(got, want) {
		t.Errorf("PATCH bodies = %v, want %v", got, want)
	}
}

// A range running to midnight closes at "23:59", as Dialpad writes it: the
// spec never defines "24:00", so the console does not accept it as a time
// and the emulator keeps what was sent.
func TestSaveCallCenterClosingAtMidnight(t *testing.T) {
	_, c := newEmulatorClient(t)
	base := hoursCenter(t, c)
	mine := base
	mine.SundayHours = []string{"22:00", "24:00"}
	if _, errs := dialpad.ParseDay(dialpad.Sunday, mine.SundayHours); len(errs) == 0 {
		t.Fatal(`the console accepts "24:00"`)
	}
	mine.SundayHours = []string{"22:00", "23:59"}
	if _, errs := dialpad.ParseDay(dialpad.Sunday, mine.SundayHours); len(errs) != 0 {
		t.Fatalf("console rejects it: %v", errs)
	}
	saved, err := c.SaveCallCenter(context.Background(), base.ID, base, mine)
	if err != nil {
		t.Fatalf("Dialpad refused what the console accepted: %v", err)
	}
	if !reflect.DeepEqual(saved.Current.SundayHours, mine.SundayHours) {
		t.Errorf("sunday_hours = %v, want %v", saved.Current.SundayHours, mine.SundayHours)
	}
}
