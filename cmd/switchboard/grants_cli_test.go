package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/web/store"
)

// cliEnv is a getenv pointing the commands at a SQLite file in a temp dir.
func cliEnv(t *testing.T) (func(string) string, string) {
	url := "sqlite:" + filepath.Join(t.TempDir(), "switchboard.db")
	return func(k string) string {
		if k == "SWITCHBOARD_DATABASE_URL" {
			return url
		}
		return ""
	}, url
}

// switchboard runs one command line through run, as main does.
func switchboard(t *testing.T, getenv func(string) string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := runCommand(context.Background(), args, getenv, &out, "alice")
	return out.String(), err
}

func TestGrantCommands(t *testing.T) {
	getenv, url := cliEnv(t)
	steps := []struct {
		args []string
		out  string // substring of the output
	}{
		{[]string{"grants"}, "no grants yet"},
		{[]string{"grant", "Priya@Example.com", "support"}, "granted: priya@example.com support"},
		{[]string{"grant", "oliver@example.com", "office-admin", "-office", "101"}, "granted: oliver@example.com office_admin of office 101"},
		{[]string{"grant", "-office", "202", "oliver@example.com", "office_admin"}, "granted: oliver@example.com office_admin of office 202"},
		{[]string{"grant", "priya@example.com", "SUPPORT"}, "already granted: priya@example.com support"},
		{[]string{"grants"}, "EMAIL               ROLE          OFFICE\noliver@example.com  office_admin  101\noliver@example.com  office_admin  202\npriya@example.com   support       \n"},
		{[]string{"revoke", "OLIVER@example.com"}, "revoked: oliver@example.com office_admin of office 101\nrevoked: oliver@example.com office_admin of office 202\n"},
		{[]string{"revoke", "priya@example.com", "viewer"}, "nothing to revoke: priya@example.com has no such grant"},
	}
	for _, s := range steps {
		out, err := switchboard(t, getenv, s.args...)
		if err != nil {
			t.Fatalf("switchboard %s: %v", strings.Join(s.args, " "), err)
		}
		if !strings.Contains(out, s.out) {
			t.Errorf("switchboard %s printed\n%s\nwant it to contain\n%s", strings.Join(s.args, " "), out, s.out)
		}
	}

	// The database holds what the commands said, and the trail holds each
	// change (not the repeated grant nor the empty revoke), newest first.
	db, err := store.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gs, _ := db.Grants().List(context.Background())
	if want := []access.Grant{{Email: "priya@example.com", Role: access.Support}}; !slices.Equal(gs, want) {
		t.Errorf("grants left = %v, want %v", gs, want)
	}
	page, err := db.Audit().List(context.Background(), audit.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		id       string
		office   int64
		old, new string
	}
	var got []row
	for _, e := range page.Entries {
		if e.Actor != (audit.Actor{Email: "cli", Name: "alice"}) || e.Credential != audit.Local || e.Resource.Kind != audit.Grant ||
			e.Outcome.Result != audit.Applied || len(e.Changes) != 1 || e.Changes[0].Field != "role" {
			t.Errorf("audit entry %+v: want cli/alice, local, a grant, applied, one role change", e)
			continue
		}
		got = append(got, row{e.Resource.ID, int64(e.Resource.OfficeID), e.Changes[0].Old, e.Changes[0].New})
	}
	want := []row{
		{"oliver@example.com", 202, "office_admin", ""},
		{"oliver@example.com", 101, "office_admin", ""},
		{"oliver@example.com", 202, "", "office_admin"},
		{"oliver@example.com", 101, "", "office_admin"},
		{"priya@example.com", 0, "", "support"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit trail\n%v\nwant\n%v", got, want)
	}
}

func TestGrantCommandProblems(t *testing.T) {
	getenv, _ := cliEnv(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"grant", "priya@example.com"}, "usage: switchboard grant EMAIL ROLE"},
		{[]string{"grant", "priya@example.com", "root"}, `"root" is not a role`},
		{[]string{"grant", "oliver@example.com", "office_admin"}, "an office admin needs an office"},
		{[]string{"grant", "dana@example.com", "admin", "-office", "7"}, "leave the office out"},
		{[]string{"grant", "oliver@example.com", "office_admin", "-office", "London"}, `-office "London" is not an office id`},
		{[]string{"grant", "not-an-email", "viewer"}, "is not an email address"},
		{[]string{"grant", "a@example.com", "viewer", "-color"}, "flag provided but not defined: -color"},
		{[]string{"revoke"}, "usage: switchboard revoke EMAIL [ROLE]"},
		{[]string{"revoke", "a@example.com", "boss"}, `"boss" is not a role`},
		{[]string{"grants", "extra"}, "usage: switchboard grants"},
	}
	for _, tt := range tests {
		_, err := switchboard(t, getenv, tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("switchboard %s = %v, want an error saying %q", strings.Join(tt.args, " "), err, tt.want)
		}
	}

	badDB := func(k string) string {
		if k == "SWITCHBOARD_DATABASE_URL" {
			return "mysql://root:hunter2@db/x"
		}
		return ""
	}
	_, err := switchboard(t, badDB, "grants")
	if err == nil || !strings.Contains(err.Error(), "SWITCHBOARD_DATABASE_URL") || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("a bad database URL gives %v, want a config error without the password", err)
	}
	if out, err := switchboard(t, getenv, "grant", "-h"); !errors.Is(err, flag.ErrHelp) || !strings.Contains(out, "usage:") {
		t.Errorf("grant -h = %q, %v; want the usage and flag.ErrHelp", out, err)
	}
}

// TestRunDispatchesCommands: run, as main calls it, treats a command name
// as a command and not as a stray server argument.
func TestRunDispatchesCommands(t *testing.T) {
	getenv, _ := cliEnv(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"grants"}, getenv, &out); err != nil || !strings.Contains(out.String(), "no grants yet") {
		t.Errorf("run(grants) = %v, printed %q", err, out.String())
	}
}
