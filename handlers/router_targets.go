package handlers

import (
	"cmp"
	"errors"
	"strings"

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

// routerTargets names what router pages show: the company's offices, the
// targets read so far, and, once the person opens the chooser, every office,
// department, call center and user, grouped for the select. Reading those
// four lists costs dozens of Dialpad calls in a large company, so pages
// name the few targets they show one by one (router_target_lookup.go) and
// read the lists only for the chooser. Values are never modified once
// built; growing one makes a copy.
type routerTargets struct {
	offices []dialpad.Office
	names   map[target]string // known targets by name
	missing map[target]bool   // looked up and not in Dialpad
	groups  []targetGroup     // the chooser; nil until the four lists are read
}

// full reports that the four lists are read: the chooser can be offered
// and every target of the company is known.
func (t *routerTargets) full() bool { return t != nil && t.groups != nil }

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

// name is the target's name and whether the company has it, as far as t
// knows. A nil routerTargets (Dialpad could not be read) knows no target.
func (t *routerTargets) name(tg target) (string, bool) {
	if t == nil {
		return "", false
	}
	if n, ok := t.names[tg]; ok {
		return n, true
	}
	if tg.kind == dialpad.TargetOffice {
		if o, ok := t.officeIndex()[tg.id]; ok {
			return cmp.Or(o.Name, "office "+o.ID.String()), true
		}
	}
	return "", false
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
			// The kind stays in the label: a closed select shows the chosen
			// option alone, without its group.
			og.Options = append(og.Options, views.Option{Value: tg.value(), Label: e.name + " (" + targetKinds[g.kind] + ")", Selected: tg == selected})
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
