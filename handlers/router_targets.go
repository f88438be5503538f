package handlers

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"switchboard/dialpad"
	"switchboard/dialpad/routing"
	"switchboard/views"
)

// target is a routing target: a kind (dialpad.Target*) and an id. A router's
// default target travels in forms as one select value, "callcenter:123".
type target struct {
	kind string
	id   dialpad.ID
}

func (t target) value() string {
	if t.kind == "" && t.id == 0 {
		return ""
	}
	return t.kind + ":" + t.id.String()
}

// parseTarget reads a "type:id" select value. Any of the spec's target
// types is accepted: a router may already point at one the chooser does
// not list, and keeping it must not be an error.
func parseTarget(s string) (target, error) {
	kind, rawID, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok || kind == "" {
		return target{}, errors.New("handlers: target is not type:id")
	}
	if _, known := targetKinds[kind]; !known {
		return target{}, errors.New("handlers: unknown target type")
	}
	id, err := dialpad.ParseID(rawID)
	if err != nil || id == 0 {
		return target{}, errors.New("handlers: target id is not an id")
	}
	return target{kind: kind, id: id}, nil
}

// targetKinds are the spec's default_target_type values, each in words.
var targetKinds = map[string]string{
	dialpad.TargetCallCenter: "call center",
	dialpad.TargetCallRouter: "call router",
	dialpad.TargetDepartment: "department",
	dialpad.TargetOffice:     "office",
	dialpad.TargetUser:       "user",
	"channel":                "channel",
	"coachinggroup":          "coaching group",
	"coachingteam":           "coaching team",
	"room":                   "room",
	"staffgroup":             "staff group",
	"unknown":                "unknown target",
}

// routerTargets is everything a router's calls may go to by name, as the
// chooser offers them: offices, departments, call centers and users.
type routerTargets struct {
	offices []dialpad.Office
	groups  []targetGroup
	names   map[target]string
}

// targetGroup is one kind of target, sorted by name.
type targetGroup struct {
	label   string // "Call centers"
	kind    string
	entries []targetEntry
}

type targetEntry struct {
	id   dialpad.ID
	name string
}

// loadTargets reads the four lists at once.
func loadTargets(ctx context.Context, c *dialpad.Client) (*routerTargets, error) {
	var (
		wg          sync.WaitGroup
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
	wg.Wait()
	if err := cmp.Or(errs[:]...); err != nil {
		return nil, err
	}
	return newRouterTargets(offices, departments, centers, users), nil
}

func newRouterTargets(offices []dialpad.Office, departments []dialpad.Department, centers []dialpad.CallCenter, users []dialpad.User) *routerTargets {
	t := &routerTargets{offices: offices, names: map[target]string{}}
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

// name is the target's name and whether the company has it. A nil
// routerTargets (the lists could not be read) knows no target.
func (t *routerTargets) name(tg target) (string, bool) {
	if t == nil {
		return "", false
	}
	n, ok := t.names[tg]
	return n, ok
}

// label words a target for a page: "Sales (call center)"; one the lists
// do not hold is named by kind and id: "call router 123".
func (t *routerTargets) label(tg target) string {
	if tg.kind == "" && tg.id == 0 {
		return "None"
	}
	if n, ok := t.name(tg); ok {
		return n + " (" + targetKinds[tg.kind] + ")"
	}
	return cmp.Or(targetKinds[tg.kind], tg.kind) + " " + tg.id.String()
}

// describe tells the tester whether a routing answer's target exists, and
// its name.
func (t *routerTargets) describe(a routing.Answer) (string, bool) {
	return t.name(target{kind: a.TargetType, id: a.TargetID})
}

// options is the chooser, grouped by kind, with selected marked. A
// selection the lists do not hold (a kind the chooser does not offer, a
// target deleted meanwhile, lists that failed to load) is kept as its own
// group, so saving the form does not silently change it.
func (t *routerTargets) options(selected target) []views.OptionGroup {
	var out []views.OptionGroup
	if _, known := t.name(selected); !known && selected.value() != "" {
		out = append(out, views.OptionGroup{Label: "Current", Options: []views.Option{{
			Value: selected.value(), Label: t.label(selected), Selected: true,
		}}})
	}
	if t == nil {
		return out
	}
	for _, g := range t.groups {
		og := views.OptionGroup{Label: g.label}
		for _, e := range g.entries {
			tg := target{g.kind, e.id}
			og.Options = append(og.Options, views.Option{Value: tg.value(), Label: e.name, Selected: tg == selected})
		}
		if len(og.Options) > 0 {
			out = append(out, og)
		}
	}
	return out
}

// officeOptions is the office select, primary office first, keeping a
// selected office the list does not hold.
func (t *routerTargets) officeOptions(selected dialpad.ID) []views.Option {
	var offices []dialpad.Office
	if t != nil {
		offices = t.offices
	}
	var out []views.Option
	found := false
	for _, o := range sortedOffices(offices) {
		out = append(out, views.Option{Value: o.ID.String(), Label: o.Name, Selected: o.ID == selected})
		found = found || o.ID == selected
	}
	if !found && selected != 0 {
		out = append([]views.Option{{Value: selected.String(), Label: "Office " + selected.String(), Selected: true}}, out...)
	}
	return out
}

// officeIndex is the offices by id, for names.
func (t *routerTargets) officeIndex() officeIndex {
	if t == nil {
		return officeIndex{}
	}
	return indexOffices(t.offices)
}

// hasOffice reports whether the company has the office; with no lists, it
// cannot tell and says yes, leaving the answer to Dialpad.
func (t *routerTargets) hasOffice(id dialpad.ID) bool {
	if t == nil {
		return true
	}
	_, ok := t.officeIndex()[id]
	return ok
}

// A router page names targets from four company-wide lists; a person moving
// between routers would read them again and again. They are kept per
// person for a short while: a target created meanwhile shows up within
// half a minute.
const (
	targetsTTL = 30 * time.Second
	targetsMax = 64 // people; the oldest entry makes room
)

// targetsCache keeps each person's routerTargets. The zero value is ready;
// Handler carries one. Entries are never modified once stored.
type targetsCache struct {
	mu      sync.Mutex
	entries map[dialpad.ID]targetsEntry
}

type targetsEntry struct {
	t       *routerTargets
	expires time.Time
}

// routerTargets returns the person's targets, from the cache while fresh.
func (h *Handler) routerTargets(ctx context.Context, id *Identity) (*routerTargets, error) {
	now := h.now()
	if t, ok := h.targets.get(id.User.ID, now); ok {
		return t, nil
	}
	t, err := loadTargets(ctx, id.Client)
	if err != nil {
		return nil, err
	}
	h.targets.put(id.User.ID, t, now)
	return t, nil
}

func (c *targetsCache) get(user dialpad.ID, now time.Time) (*routerTargets, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[user]
	if !ok || !now.Before(e.expires) {
		return nil, false
	}
	return e.t, true
}

func (c *targetsCache) put(user dialpad.ID, t *routerTargets, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[dialpad.ID]targetsEntry{}
	}
	for k, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, k)
		}
	}
	if _, ok := c.entries[user]; !ok && len(c.entries) >= targetsMax {
		var oldest dialpad.ID
		first := true
		for k, e := range c.entries {
			if first || e.expires.Before(c.entries[oldest].expires) {
				oldest, first = k, false
			}
		}
		delete(c.entries, oldest)
	}
	c.entries[user] = targetsEntry{t: t, expires: now.Add(targetsTTL)}
}
