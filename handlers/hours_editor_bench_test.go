package handlers

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"golang.org/x/oauth2"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/static"
	"switchboard/views"
)

// BenchmarkCallCenterPage renders /callcenters/{id} through the handler:
// three Dialpad reads (call center, its office and live status) from the
// in-process emulator over loopback HTTP, sealing the base, building the
// view and rendering the templ page. "view only" is the last two steps.
func BenchmarkCallCenterPage(b *testing.B) {
	emu := emulator.New(emulator.Options{CompanyRPS: -1})
	srv := httptest.NewServer(emu)
	b.Cleanup(srv.Close)
	client := dialpad.New(srv.URL, dialpad.WithTokenSource(
		oauth2.StaticTokenSource(&oauth2.Token{AccessToken: emu.IssueToken(emulator.AdminUserID)})))
	ctx := context.Background()
	me, err := client.Me(ctx)
	if err != nil {
		b.Fatal(err)
	}
	ccs, err := client.CallCenters(ctx, dialpad.ListFilter{})
	if err != nil {
		b.Fatal(err)
	}
	cc := ccs[0]
	assets, err := static.New()
	if err != nil {
		b.Fatal(err)
	}
	h := &Handler{
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Sessions: scs.New(),
		Assets:   assets,
		FormKey:  []byte("bench-form-key-bench-form-key-00"),
		Now:      func() time.Time { return time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC) },
	}
	who := ownTokenIdentity(*me, client)
	page := h.Sessions.LoadAndSave(http.HandlerFunc(h.CallCenterEdit))
	request := func() *http.Request {
		r := httptest.NewRequest(http.MethodGet, "/callcenters/"+cc.ID.String(), nil)
		r.SetPathValue("id", cc.ID.String())
		return r.WithContext(WithIdentity(r.Context(), who))
	}

	b.Run("handler", func(b *testing.B) {
		b.ReportAllocs()
		var bytes int
		for b.Loop() {
			rec := httptest.NewRecorder()
			page.ServeHTTP(rec, request())
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
			bytes = rec.Body.Len()
		}
		b.ReportMetric(float64(bytes), "page-bytes")
	})

	b.Run("view only", func(b *testing.B) {
		t := callCenterTarget()
		p := editorPage[dialpad.CallCenter]{id: cc.ID, base: cc, office: "New York HQ", tz: cc.Timezone,
			form: formFromGroup(t.get(cc))}
		r := request()
		b.ReportAllocs()
		for b.Loop() {
			v, err := t.view(who, p, h.now())
			if err != nil {
				b.Fatal(err)
			}
			if err := views.HoursEditorPage(views.LayoutData{Title: v.Header.Name}, v).Render(r.Context(), io.Discard); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// ownTokenIdentity is the person as web makes them in own-token mode: the
// client carries their token and their role is what Dialpad implies.
func ownTokenIdentity(me dialpad.User, client *dialpad.Client) *Identity {
	return &Identity{User: me, Client: client, Rights: access.Resolve(access.OwnTokens, me, nil), Credential: audit.OwnToken}
}
