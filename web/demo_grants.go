package web

import (
	"context"
	"fmt"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
	"switchboard/handlers/access"
)

// DemoGrants are the roles demo mode starts with, one per kind of person
// the console serves. Dana needs none (a company admin is an admin) but is
// granted anyway, so /access lists an admin to ask; Sofia, the new hire,
// has none and sees the no-access page.
func DemoGrants(emu *emulator.Emulator) ([]access.Grant, error) {
	people := map[dialpad.ID]dialpad.User{}
	for _, p := range emu.Personas() {
		people[p.User.ID] = p.User
	}
	email := func(id dialpad.ID) (string, error) {
		u, ok := people[id]
		if !ok || len(u.Emails) == 0 {
			return "", fmt.Errorf("demo: seeded user %s has no email", id)
		}
		return u.Emails[0], nil
	}
	oliver, ok := people[emulator.OfficeAdminUserID]
	if !ok || len(oliver.AdminOfficeIDs) == 0 {
		return nil, fmt.Errorf("demo: the seeded office admin administers no office")
	}
	wanted := []struct {
		user   dialpad.ID
		role   access.Role
		office dialpad.ID
	}{
		{emulator.AdminUserID, access.Admin, 0},
		{emulator.OfficeAdminUserID, access.OfficeAdmin, oliver.AdminOfficeIDs[0]}, // London
		{emulator.SupportUserID, access.Support, 0},
		{emulator.ManagerUserID, access.Viewer, 0},
	}
	var out []access.Grant
	for _, w := range wanted {
		e, err := email(w.user)
		if err != nil {
			return nil, err
		}
		g, err := access.NewGrant(e, w.role, w.office)
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		out = append(out, g)
	}
	return out, nil
}

// SeedDemoGrants puts the demo's roles into its throwaway database.
func SeedDemoGrants(ctx context.Context, store access.Store, emu *emulator.Emulator) error {
	grants, err := DemoGrants(emu)
	if err != nil {
		return err
	}
	for _, g := range grants {
		if _, err := store.Grant(ctx, g); err != nil {
			return fmt.Errorf("demo: granting %s: %w", g, err)
		}
	}
	return nil
}
