package store_test

import (
	"context"
	"slices"
	"testing"

	"switchboard/handlers/access"
	"switchboard/web/store"
)

func TestGrants(t *testing.T) {
	openEach(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		gs := db.Grants()
		for _, g := range []access.Grant{
			{Email: "Priya@Example.com", Role: access.Support},
			{Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: 202},
			{Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: 101},
			{Email: "marcus@example.com", Role: access.Viewer},
			{Email: "priya@example.com", Role: access.OfficeAdmin, OfficeID: 101},
		} {
			if added, err := gs.Grant(ctx, g); err != nil || !added {
				t.Fatalf("Grant(%v) = %v, %v; want added", g, added, err)
			}
		}
		if added, err := gs.Grant(ctx, access.Grant{Email: "PRIYA@example.com ", Role: access.Support}); err != nil || added {
			t.Errorf("granting the same again, other case = %v, %v; want not added", added, err)
		}

		all, err := gs.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []access.Grant{
			{Email: "marcus@example.com", Role: access.Viewer},
			{Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: 101},
			{Email: "oliver@example.com", Role: access.OfficeAdmin, OfficeID: 202},
			{Email: "priya@example.com", Role: access.OfficeAdmin, OfficeID: 101},
			{Email: "priya@example.com", Role: access.Support},
		}
		if !slices.Equal(all, want) {
			t.Errorf("List =\n%v\nwant\n%v", all, want)
		}

		mine, err := gs.For(ctx, "P.Raman@example.com", "PRIYA@EXAMPLE.COM")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(mine, want[3:]) {
			t.Errorf("For(priya, any case) = %v, want %v", mine, want[3:])
		}

		gone, err := gs.Revoke(ctx, "Priya@example.com", access.Support)
		if err != nil || !slices.Equal(gone, want[4:]) {
			t.Errorf("Revoke(priya, support) = %v, %v; want %v", gone, err, want[4:])
		}
		gone, err = gs.Revoke(ctx, "OLIVER@example.com", access.None)
		if err != nil || !slices.Equal(gone, want[1:3]) {
			t.Errorf("Revoke(oliver, every role) = %v, %v; want %v", gone, err, want[1:3])
		}
		gone, err = gs.Revoke(ctx, "nobody@example.com", access.None)
		if err != nil || len(gone) != 0 {
			t.Errorf("Revoke(nobody) = %v, %v; want nothing", gone, err)
		}
		all, _ = gs.List(ctx)
		if !slices.Equal(all, []access.Grant{want[0], want[3]}) {
			t.Errorf("after revoking, List = %v", all)
		}
	})
}

func grantOf(email string) access.Grant { return access.Grant{Email: email, Role: access.Viewer} }
