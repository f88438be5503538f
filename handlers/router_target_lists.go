package handlers

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"switchboard/dialpad"
)

// loadTargets reads the chooser's four lists at once: every office,
// department, call center and user of the company.
func loadTargets(ctx context.Context, c *dialpad.Client) (*routerTargets, error) {
	var (
		wg          fanOut
		offices     []dialpad.Office
		departments []dialpad.Department
		centers     []dialpad.CallCenter
		users       []dialpad.User
		errs        [4]error
	)
	wg.Go(func() { offices, errs[0] = c.Offices(ctx) })
	wg.Go(func() { departments, errs[1] = c.Departments(ctx, dialpad.ListFilter{}) })
	wg.Go(func() { centers, errs[2] = c.CallCenters(ctx, dialpad.ListFilter{}) })
	wg.Go(func() { users, errs[3] = c.Users(ctx, dialpad.ListFilter{}) })
	if err := wg.Wait(); err != nil {
		return nil, err
	}
	if err := cmp.Or(errs[:]...); err != nil {
		return nil, err
	}
	return newRouterTargets(offices, departments, centers, users), nil
}

func newRouterTargets(offices []dialpad.Office, departments []dialpad.Department, centers []dialpad.CallCenter, users []dialpad.User) *routerTargets {
	t := &routerTargets{offices: offices, names: map[target]string{}, groups: []targetGroup{}}
	add := func(label, kind string, n int, at func(int) targetEntry) {
		g := targetGroup{label: label, kind: kind}
		for i := range n {
			e := at(i)
			e.name = cmp.Or(e.name, targetKinds[kind]+" "+e.id.String())
			g.entries = append(g.entries, e)
			t.names[target{kind, e.id}] = e.name
		}
		slices.SortStableFunc(g.entries, func(a, b targetEntry) int {
			return cmp.Or(cmp.Compare(strings.ToLower(a.name), strings.ToLower(b.name)), cmp.Compare(a.id, b.id))
		})
		t.groups = append(t.groups, g)
	}
	add("Offices", dialpad.TargetOffice, len(offices), func(i int) targetEntry {
		return targetEntry{offices[i].ID, offices[i].Name}
	})
	add("Departments", dialpad.TargetDepartment, len(departments), func(i int) targetEntry {
		return targetEntry{departments[i].ID, departments[i].Name}
	})
	add("Call centers", dialpad.TargetCallCenter, len(centers), func(i int) targetEntry {
		return targetEntry{centers[i].ID, centers[i].Name}
	})
	add("Users", dialpad.TargetUser, len(users), func(i int) targetEntry {
		u := users[i]
		return targetEntry{u.ID, displayName(u.DisplayName, u.FirstName, u.LastName)}
	})
	return t
}
