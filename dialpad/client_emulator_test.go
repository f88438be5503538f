package dialpad_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

// clientAs serves emu and returns a client signed in as user.
func clientAs(t testing.TB, emu *emulator.Emulator, user dialpad.ID) *dialpad.Client {
	t.Helper()
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: emu.IssueToken(user)})
	return dialpad.New(srv.URL, dialpad.WithTokenSource(ts))
}

func TestClientFollowsEmulatorCursorsWithFilters(t *testing.T) {
	ctx := context.Background()
	small := emulator.New(emulator.Options{PageSize: 2, CompanyRPS: -1})
	paged := clientAs(t, small, emulator.AdminUserID)
	whole := clientAs(t, emulator.New(emulator.Options{PageSize: 1000, CompanyRPS: -1}), emulator.AdminUserID)

	all, err := paged.CallCenters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := whole.CallCenters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(want) || len(all) < 12 {
		t.Fatalf("paged list has %d call centers, one-page list %d (seed has at least 12)", len(all), len(want))
	}
	pages := 0
	for _, r := range small.Requests() {
		if r.Path == "/api/v2/callcenters" {
			pages++
		}
	}
	if wantPages := (len(all) + 1) / 2; pages != wantPages {
		t.Errorf("client made %d list requests, want %d pages of 2", pages, wantPages)
	}

	office := all[0].OfficeID
	inOffice, err := paged.CallCenters(ctx, dialpad.ListFilter{OfficeID: office})
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range inOffice {
		if cc.OfficeID != office {
			t.Errorf("office filter returned %q of office %d, want %d", cc.Name, cc.OfficeID, office)
		}
	}
	if len(inOffice) == 0 || len(inOffice) == len(all) {
		t.Errorf("office filter kept %d of %d call centers", len(inOffice), len(all))
	}
}

func TestClientDecodesStringIDsFromEmulator(t *testing.T) {
	ctx := context.Background()
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	c := clientAs(t, emu, emulator.AdminUserID)
	me, err := c.Me(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if me.ID != emulator.AdminUserID {
		t.Errorf("me.id = %d, want %d", me.ID, emulator.AdminUserID)
	}
	all, err := c.CallCenters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	one, err := c.CallCenter(ctx, all[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if one.ID != all[0].ID || one.ID < 1e15 || one.RingSeconds < 10 {
		t.Errorf("call center decoded as id %d ring %d; want the 16-digit id %d and a ring time", one.ID, one.RingSeconds, all[0].ID)
	}
}

func TestClientMapsEveryEmulatorErrorKind(t *testing.T) {
	ctx := context.Background()
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	admin := clientAs(t, emu, emulator.AdminUserID)
	manager := clientAs(t, emu, emulator.ManagerUserID)
	bad := func() *dialpad.Client {
		srv := httptest.NewServer(emu)
		t.Cleanup(srv.Close)
		return dialpad.New(srv.URL, dialpad.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "not-a-token"})))
	}()
	all, err := admin.CallCenters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	cc := all[0].ID
	routers, err := admin.CallRouters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	router := routers[0].ID

	tests := []struct {
		name string
		call func() error
		want error
	}{
		{"bad token", func() error { _, err := bad.Me(ctx); return err }, dialpad.ErrUnauthorized},
		{"manager writes", func() error {
			_, err := manager.UpdateCallCenter(ctx, cc, map[string]any{"ring_seconds": 20})
			return err
		}, dialpad.ErrForbidden},
		{"unknown id", func() error { _, err := admin.CallCenter(ctx, 1); return err }, dialpad.ErrNotFound},
		{"out of range", func() error {
			_, err := admin.UpdateCallCenter(ctx, cc, map[string]any{"ring_seconds": 99})
			return err
		}, dialpad.ErrBadRequest},
		{"second router change within 5 minutes", func() error {
			if _, err := admin.UpdateCallRouter(ctx, router, map[string]any{"name": "First change"}); err != nil {
				return err
			}
			_, err := admin.UpdateCallRouter(ctx, router, map[string]any{"name": "Second change"})
			return err
		}, dialpad.ErrRateLimited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var apiErr *dialpad.APIError
			if !errors.As(err, &apiErr) || apiErr.Message == "" {
				t.Errorf("err = %#v, want an *APIError carrying Dialpad's message", err)
			}
			if tt.want == dialpad.ErrRateLimited && apiErr.RetryAfter <= 0 {
				t.Errorf("RetryAfter = %v, want the wait Dialpad named", apiErr.RetryAfter)
			}
		})
	}
}

func TestClientRetriesEmulatorOutagesOnlyForReads(t *testing.T) {
	ctx := context.Background()
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	c := clientAs(t, emu, emulator.AdminUserID)
	all, err := c.CallCenters(ctx, dialpad.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	path := "/api/v2/callcenters/" + all[0].ID.String()

	clear := emu.InjectFault(emulator.Fault{Path: path, Status: 503, Times: 1})
	defer clear()
	if _, err := c.CallCenter(ctx, all[0].ID); err != nil {
		t.Errorf("GET after one 503 = %v, want a retried success", err)
	}

	emu.InjectFault(emulator.Fault{Method: "PATCH", Path: path, Status: 503, Times: 1})
	emu.ResetRequests()
	_, err = c.UpdateCallCenter(ctx, all[0].ID, map[string]any{"ring_seconds": 20})
	if !errors.Is(err, dialpad.ErrUpstream) {
		t.Errorf("PATCH during a 503 = %v, want ErrUpstream", err)
	}
	if n := len(emu.Requests()); n != 1 {
		t.Errorf("PATCH reached Dialpad %d times, want exactly once (writes are never retried)", n)
	}

	emu.InjectFault(emulator.Fault{Path: path, Timeout: true, Times: 1})
	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if _, err := c.CallCenter(short, all[0].ID); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("GET that never answers = %v, want the context deadline", err)
	}
}

// BenchmarkCallCentersLargeCompany collects 5,000 call centers the way the
// console does, following Dialpad's cursor 25 at a time (200 requests),
// from a generated company in the emulator over loopback HTTP.
func BenchmarkCallCentersLargeCompany(b *testing.B) {
	emu := emulator.New(emulator.Options{Offices: 50, CallCenters: 5000, CompanyRPS: -1})
	c := clientAs(b, emu, emulator.AdminUserID)
	for b.Loop() {
		all, err := c.CallCenters(b.Context(), dialpad.ListFilter{})
		if err != nil || len(all) != 5000 {
			b.Fatalf("%d call centers, %v", len(all), err)
		}
	}
}
