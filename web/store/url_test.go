package store_test

import (
	"context"
	"strings"
	"testing"

	"switchboard/web/store"
)

func TestParseURL(t *testing.T) {
	tests := []struct {
		raw     string
		want    store.Location
		problem string
	}{
		{raw: "sqlite:switchboard.db", want: store.Location{Dialect: store.SQLite, Path: "switchboard.db"}},
		{raw: " sqlite:/data/switchboard.db ", want: store.Location{Dialect: store.SQLite, Path: "/data/switchboard.db"}},
		{raw: "postgres://sb:pw@db:5432/switchboard?sslmode=require", want: store.Location{Dialect: store.Postgres, URL: "postgres://sb:pw@db:5432/switchboard?sslmode=require"}},
		{raw: "postgresql://db/switchboard", want: store.Location{Dialect: store.Postgres, URL: "postgresql://db/switchboard"}},
		{raw: "sqlite:", problem: "needs a file path"},
		{raw: "sqlite:x.db?mode=ro", problem: "needs a file path"},
		{raw: "postgres://sb:hunter2@db:5432", problem: "names no database"},
		{raw: "postgres:///switchboard", problem: "names no host"},
		{raw: "mysql://sb:hunter2@db/switchboard", problem: "must start with sqlite: or postgres://"},
		{raw: "", problem: "is empty"},
	}
	for _, tt := range tests {
		got, err := store.ParseURL(tt.raw)
		if tt.problem == "" {
			if err != nil || got != tt.want {
				t.Errorf("ParseURL(%q) = %+v, %v; want %+v", tt.raw, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.problem) {
			t.Errorf("ParseURL(%q) error = %v, want one saying %q", tt.raw, err, tt.problem)
		} else if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("ParseURL(%q) repeats the password: %v", tt.raw, err)
		}
	}
}

func TestRedact(t *testing.T) {
	for raw, want := range map[string]string{
		"postgres://sb:hunter2@db:5432/switchboard":         "postgres://sb:xxxxx@db:5432/switchboard",
		"postgres://sb@db/switchboard?password=hunter2&x=1": "postgres://sb@db/switchboard?password=xxxxx&x=1",
		"sqlite:/data/switchboard.db":                       "sqlite:/data/switchboard.db",
		"mysql://root:hunter2@db/x":                         "(hidden)@db/x",
	} {
		if got := store.Redact(raw); got != want {
			t.Errorf("Redact(%q) = %q, want %q", raw, got, want)
		}
	}
}

// TestOpenMigratesOnce: opening an existing database runs no migration
// twice and keeps its data; a throwaway database disappears on Close.
func TestOpenMigratesOnce(t *testing.T) {
	eachDatabase(t, func(t *testing.T, d database) {
		db := d.open(t)
		if _, err := db.Grants().Grant(context.Background(), grantOf("x@example.com")); err != nil {
			t.Fatal(err)
		}
		_ = db.Close()
		db = d.open(t)
		defer db.Close()
		if gs, err := db.Grants().List(context.Background()); err != nil || len(gs) != 1 {
			t.Errorf("after reopening, grants = %v, %v; want the one kept", gs, err)
		}
	})
}

func TestOpenThrowaway(t *testing.T) {
	db, err := store.OpenThrowaway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Grants().Grant(context.Background(), grantOf("x@example.com")); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = store.OpenThrowaway(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if gs, _ := db.Grants().List(context.Background()); len(gs) != 0 {
		t.Errorf("a new throwaway database holds %v", gs)
	}
}
