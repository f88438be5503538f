package store_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/alexedwards/scs/v2/memstore"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"switchboard/web/store"
)

func newKey(t *testing.T) []byte {
	t.Helper()
	k := make([]byte, store.SessionKeySize)
	if _, err := rand.Read(k); err != nil {
		t.Fatal(err)
	}
	return k
}

// sessionStore is the database's scs store, encrypted, stopped at cleanup.
func sessionStore(t *testing.T, db *store.DB, key []byte) scs.Store {
	t.Helper()
	inner, stop := db.SessionStore()
	t.Cleanup(stop)
	s, err := store.NewEncryptedStore(inner, key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rawSession reads the stored bytes of a session straight from the table,
// as someone holding a copy of the database would.
func rawSession(t *testing.T, d database, token string) []byte {
	t.Helper()
	loc, err := store.ParseURL(d.url)
	if err != nil {
		t.Fatal(err)
	}
	driver, dsn := "sqlite", "file:"+loc.Path
	if loc.Dialect == store.Postgres {
		driver, dsn = "pgx", loc.URL
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b []byte
	if err := db.QueryRow("SELECT data FROM sessions WHERE token = $1", token).Scan(&b); err != nil {
		t.Fatalf("reading the raw session: %v", err)
	}
	return b
}

// TestSessionsEncryptedAtRest: what the sessions table holds reveals no
// token, and only the right key opens it, across a close and reopen.
func TestSessionsEncryptedAtRest(t *testing.T) {
	eachDatabase(t, func(t *testing.T, d database) {
		const accessToken = "dp-access-TOKEN-0123456789abcdef"
		key := newKey(t)
		sm := scs.New()
		db := d.open(t)
		sm.Store = sessionStore(t, db, key)

		ctx, err := sm.Load(context.Background(), "")
		if err != nil {
			t.Fatal(err)
		}
		sm.Put(ctx, "auth", accessToken)
		token, _, err := sm.Commit(ctx)
		if err != nil {
			t.Fatal(err)
		}

		raw := rawSession(t, d, token)
		if len(raw) == 0 || bytes.Contains(raw, []byte(accessToken)) || bytes.Contains(raw, []byte("auth")) {
			t.Fatalf("the stored session shows its contents: %q", raw)
		}

		// A restart: close everything, open the same database again.
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db = d.open(t)
		t.Cleanup(func() { _ = db.Close() })
		sm2 := scs.New()
		sm2.Store = sessionStore(t, db, key)
		ctx2, err := sm2.Load(context.Background(), token)
		if err != nil {
			t.Fatal(err)
		}
		if got := sm2.GetString(ctx2, "auth"); got != accessToken {
			t.Errorf("after reopening, the session holds %q, want the token", got)
		}

		// Another key (a stolen copy, or a rotated key) finds no session.
		other := sessionStore(t, db, newKey(t))
		if _, found, err := other.Find(token); err != nil || found {
			t.Errorf("Find with another key = found %v, %v; want not found", found, err)
		}
	})
}

func TestEncryptedStore(t *testing.T) {
	key := newKey(t)
	inner := memstore.NewWithCleanupInterval(0)
	s, err := store.NewEncryptedStore(inner, key)
	if err != nil {
		t.Fatal(err)
	}
	exp := time.Now().Add(time.Hour)
	if err := s.Commit("tok-a", []byte("same data"), exp); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit("tok-b", []byte("same data"), exp); err != nil {
		t.Fatal(err)
	}
	a, _, _ := inner.Find("tok-a")
	b, _, _ := inner.Find("tok-b")
	if bytes.Equal(a, b) {
		t.Error("two writes of the same data are stored alike: the nonce is not fresh")
	}
	if got, found, err := s.Find("tok-a"); err != nil || !found || string(got) != "same data" {
		t.Errorf("Find(tok-a) = %q, %v, %v", got, found, err)
	}

	// A sealed value moved to another session's row does not open there.
	if err := inner.Commit("tok-b", a, exp); err != nil {
		t.Fatal(err)
	}
	if _, found, err := s.Find("tok-b"); err != nil || found {
		t.Errorf("a value copied to another token opened: found %v, %v", found, err)
	}
	// Tampered or truncated data is no session, not an error.
	for _, bad := range [][]byte{{}, []byte("short"), append(bytes.Clone(a[:len(a)-1]), a[len(a)-1]^1)} {
		if err := inner.Commit("tok-c", bad, exp); err != nil {
			t.Fatal(err)
		}
		if _, found, err := s.Find("tok-c"); err != nil || found {
			t.Errorf("tampered data %q: found %v, %v; want not found", bad, found, err)
		}
	}
	if err := s.Delete("tok-a"); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := s.Find("tok-a"); found {
		t.Error("Delete left the session")
	}
	if _, err := store.NewEncryptedStore(inner, key[:16]); err == nil {
		t.Error("a 16-byte key was accepted")
	}
}
