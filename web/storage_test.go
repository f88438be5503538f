package web_test

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"switchboard/dialpad/emulator"
	"switchboard/handlers/audit"
	"switchboard/web"
	"switchboard/web/webtest"

	_ "modernc.org/sqlite" // to read the database file as a copy of it would be read
)

// TestRestartKeepsSessionsAndAudit: a console on a SQLite database is
// stopped and another is started on the same file; the person signed in to
// the first is still signed in, and the audit trail is still there.
func TestRestartKeepsSessionsAndAudit(t *testing.T) {
	ctx := context.Background()
	cfg := web.Config{
		DatabaseURL:  web.Secret("sqlite:" + filepath.Join(t.TempDir(), "switchboard.db")),
		SessionStore: web.SessionStoreDatabase,
		ClientSecret: emulator.DefaultClientSecret,
	}
	first, err := web.OpenStorage(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	st := webtest.Start(t, webtest.WithServerOptions(web.WithStorage(first)))
	b := st.LoginAs(t, emulator.AdminUserID)
	if res := b.Get("/callcenters"); res.StatusCode != http.StatusOK {
		t.Fatalf("before the restart /callcenters = %d, want 200", res.StatusCode)
	}
	recorded, err := first.DB.Audit().Record(ctx, audit.Entry{
		Actor: audit.Actor{Email: "dana@example.com", Name: "Dana Whitfield"}, Credential: audit.OwnToken,
		Resource: audit.Resource{Kind: audit.CallCenter, ID: "1", Name: "Support"},
		Changes:  []audit.Change{{Field: "ring_seconds", Old: "20", New: "30"}}, Outcome: audit.AppliedOutcome(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	// What the file holds opens no Dialpad access: no token in any session row.
	assertNoTokenStored(t, cfg.DatabaseURL.Reveal(), st.Tokens())

	// The second console: same database file and settings, new process
	// state, another port on the same host (cookies ignore ports).
	second, err := web.OpenStorage(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = second.Close() })
	console := httptest.NewUnstartedServer(nil)
	cfg2 := cfg
	cfg2.Addr = console.Listener.Addr().String()
	cfg2.PublicURL = "http://" + cfg2.Addr
	cfg2.DialpadURL = st.EmulatorURL
	cfg2.ClientID = emulator.DefaultClientID
	cfg2.AllowPrivateRoutingURLs = true
	var logs bytes.Buffer
	srv, err := web.New(cfg2, slog.New(slog.NewTextHandler(&logs, nil)), web.WithStorage(second), web.WithClock(st.Clock.Now))
	if err != nil {
		t.Fatal(err)
	}
	console.Config.Handler = srv
	console.Start()
	t.Cleanup(console.Close)

	res := b.Get(cfg2.PublicURL + "/callcenters")
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Body, "Dana Whitfield") {
		t.Errorf("after the restart /callcenters = %d (want 200, still signed in as Dana Whitfield); Location %q\n%s", res.StatusCode, res.Location(), logs.String())
	}
	page, err := second.DB.Audit().List(ctx, audit.Filter{})
	if err != nil || len(page.Entries) != 1 || page.Entries[0].ID != recorded.ID {
		t.Errorf("after the restart the audit trail holds %+v, %v; want the entry recorded before", page.Entries, err)
	}
}

// assertNoTokenStored reads every session row of a SQLite database as
// someone holding a copy of the file would, and fails if a token shows.
func assertNoTokenStored(t *testing.T, dbURL string, tokens []string) {
	t.Helper()
	if len(tokens) == 0 {
		t.Fatal("Dialpad issued no token, so the check proves nothing")
	}
	db, err := sql.Open("sqlite", "file:"+strings.TrimPrefix(dbURL, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT data FROM sessions")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			t.Fatal(err)
		}
		n++
		for _, tok := range tokens {
			if bytes.Contains(data, []byte(tok)) {
				t.Errorf("a stored session holds a Dialpad token in the clear")
			}
		}
	}
	if n == 0 {
		t.Error("no session was stored in the database")
	}
}

// TestMemorySessionsEndAtRestart: with SWITCHBOARD_SESSION_STORE=memory the
// database is still opened (grants, audit) but sessions are not kept in it.
func TestMemorySessionsEndAtRestart(t *testing.T) {
	cfg := web.Config{
		DatabaseURL:  web.Secret("sqlite:" + filepath.Join(t.TempDir(), "switchboard.db")),
		SessionStore: web.SessionStoreMemory,
		ClientSecret: emulator.DefaultClientSecret,
	}
	st, err := web.OpenStorage(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Sessions.Commit("tok", []byte("data"), time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	inner, stop := st.DB.SessionStore()
	defer stop()
	if _, found, err := inner.Find("tok"); err != nil || found {
		t.Errorf("a memory session reached the database: found %v, %v", found, err)
	}
}
