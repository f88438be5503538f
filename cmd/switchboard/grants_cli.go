package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/user"
	"text/tabwriter"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/web"
	"switchboard/web/store"
)

// Usage lines of the commands, also shown by -h.
const (
	grantUsage  = "usage: switchboard grant EMAIL ROLE [-office ID]   (roles: admin, office_admin, support, viewer)"
	revokeUsage = "usage: switchboard revoke EMAIL [ROLE]"
	grantsUsage = "usage: switchboard grants"
)

// isCommand reports whether the first argument names a command rather than
// a flag of the server.
func isCommand(arg string) bool {
	switch arg {
	case "grant", "revoke", "grants":
		return true
	}
	return false
}

// osUser names who ran a command, for the audit trail.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

// runCommand runs a grants command against the configured database. Each
// change is recorded in the audit trail as made by "cli" and the OS user.
func runCommand(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer, osUser string) error {
	dbURL, err := web.LoadDatabaseURL(getenv)
	if err != nil {
		return err
	}
	cmd, rest := args[0], args[1:]
	var office string
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if cmd == "grant" {
		fs.StringVar(&office, "office", "", "office id, for office_admin")
	}
	pos, err := parseInterleaved(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, usageOf(cmd))
		return err
	}
	if err != nil {
		return fmt.Errorf("%v\n%s", err, usageOf(cmd))
	}

	// Check the arguments before touching the database.
	var op func(context.Context, *store.DB, cli) error
	switch cmd {
	case "grant":
		if len(pos) != 2 {
			return errors.New(grantUsage)
		}
		g, err := grantFromArgs(pos[0], pos[1], office)
		if err != nil {
			return err
		}
		op = func(ctx context.Context, db *store.DB, c cli) error { return c.grant(ctx, db, g) }
	case "revoke":
		if len(pos) < 1 || len(pos) > 2 {
			return errors.New(revokeUsage)
		}
		role := access.None
		if len(pos) == 2 {
			if role, err = access.ParseRole(pos[1]); err != nil {
				return err
			}
		}
		op = func(ctx context.Context, db *store.DB, c cli) error { return c.revoke(ctx, db, pos[0], role) }
	default:
		if len(pos) != 0 {
			return errors.New(grantsUsage)
		}
		op = func(ctx context.Context, db *store.DB, c cli) error { return c.list(ctx, db) }
	}

	db, err := store.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	return op(ctx, db, cli{out: stdout, actor: audit.Actor{Email: "cli", Name: osUser}})
}

func usageOf(cmd string) string {
	switch cmd {
	case "grant":
		return grantUsage
	case "revoke":
		return revokeUsage
	}
	return grantsUsage
}

// parseInterleaved lets flags follow the arguments (grant EMAIL ROLE
// -office 7), which flag.Parse alone stops at.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

func grantFromArgs(email, roleName, office string) (access.Grant, error) {
	role, err := access.ParseRole(roleName)
	if err != nil {
		return access.Grant{}, err
	}
	var id dialpad.ID
	if office != "" {
		if id, err = dialpad.ParseID(office); err != nil || id == 0 {
			return access.Grant{}, fmt.Errorf("-office %q is not an office id (a number, as in Dialpad)", office)
		}
	}
	return access.NewGrant(email, role, id)
}

// cli carries what every command writes to: the terminal and the trail.
type cli struct {
	out   io.Writer
	actor audit.Actor
}

func (c cli) grant(ctx context.Context, db *store.DB, g access.Grant) error {
	added, err := db.Grants().Grant(ctx, g)
	if err != nil {
		return err
	}
	if !added {
		fmt.Fprintf(c.out, "already granted: %s\n", g)
		return nil
	}
	if err := c.record(ctx, db, g, audit.Change{Field: "role", New: string(g.Role)}); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "granted: %s\n", g)
	return nil
}

func (c cli) revoke(ctx context.Context, db *store.DB, email string, role access.Role) error {
	gone, err := db.Grants().Revoke(ctx, email, role)
	if err != nil {
		return err
	}
	if len(gone) == 0 {
		fmt.Fprintf(c.out, "nothing to revoke: %s has no such grant\n", access.NormalizeEmail(email))
		return nil
	}
	for _, g := range gone {
		if err := c.record(ctx, db, g, audit.Change{Field: "role", Old: string(g.Role)}); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "revoked: %s\n", g)
	}
	return nil
}

func (c cli) list(ctx context.Context, db *store.DB) error {
	gs, err := db.Grants().List(ctx)
	if err != nil {
		return err
	}
	if len(gs) == 0 {
		fmt.Fprintln(c.out, "no grants yet; add one with: switchboard grant EMAIL ROLE [-office ID]")
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EMAIL\tROLE\tOFFICE")
	for _, g := range gs {
		office := ""
		if g.OfficeID != 0 {
			office = g.OfficeID.String()
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", g.Email, g.Role, office)
	}
	return tw.Flush()
}

// record writes the grant change to the audit trail.
func (c cli) record(ctx context.Context, db *store.DB, g access.Grant, ch audit.Change) error {
	_, err := db.Audit().Record(ctx, audit.Entry{
		Actor:      c.actor,
		Credential: audit.Local,
		Resource:   audit.Resource{Kind: audit.Grant, ID: g.Email, Name: g.Email, OfficeID: g.OfficeID},
		Changes:    []audit.Change{ch},
		Outcome:    audit.AppliedOutcome(),
	})
	return err
}
