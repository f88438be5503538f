package handlers

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// targetPick is what a target picker lists: every candidate of the kind
// but skip (the copy's source), grouped by office, with checked ticked
// where the person may do action.
type targetPick struct {
	kind       ivrKind
	candidates []copyCandidate
	offices    officeIndex
	skip       dialpad.ID
	action     access.Action
}

// groupKey is the picker group of a candidate: its office, or one group
// when the targets are the offices themselves.
func (p targetPick) groupKey(c copyCandidate) string {
	if p.kind.Type == dialpad.TargetOffice {
		return "offices"
	}
	return c.OfficeID.String()
}

func (p targetPick) groupName(c copyCandidate) string {
	if p.kind.Type == dialpad.TargetOffice {
		return "All offices"
	}
	return p.offices.name(c.OfficeID)
}

// view groups the candidates by office, offices by name and targets by
// name within them.
func (p targetPick) view(who *Identity, checked []dialpad.ID, selectAction, script string) views.IVRTargetPicker {
	out := views.IVRTargetPicker{Plural: p.kind.Plural, SelectAction: selectAction, Script: script}
	index := map[string]int{}
	for _, c := range p.candidates {
		if c.ID == p.skip {
			continue
		}
		t := views.IVRCopyTarget{ID: c.ID.String(), Name: c.Name, Checked: slices.Contains(checked, c.ID)}
		if !who.May(p.action, c.OfficeID) {
			t.Disabled, t.Checked, t.Detail = true, false, "you can't change it"
		}
		key := p.groupKey(c)
		i, ok := index[key]
		if !ok {
			i = len(out.Groups)
			index[key] = i
			out.Groups = append(out.Groups, views.IVRTargetGroup{Key: key, Name: p.groupName(c)})
		}
		out.Groups[i].Targets = append(out.Groups[i].Targets, t)
	}
	// Targets without an office come last.
	slices.SortStableFunc(out.Groups, func(a, b views.IVRTargetGroup) int {
		return cmp.Or(cmp.Compare(boolInt(a.Key == "0"), boolInt(b.Key == "0")),
			cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)))
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checked reads the ticked target_id values of q (a re-rendered form) and
// applies _select: "all:<group>" ticks every target of that office the
// person may change, "none:<group>" clears them. Unknown ids are dropped.
func (p targetPick) checked(who *Identity, q url.Values) []dialpad.ID {
	known := map[dialpad.ID]copyCandidate{}
	for _, c := range p.candidates {
		known[c.ID] = c
	}
	var out []dialpad.ID
	for _, raw := range q["target_id"] {
		if id, err := dialpad.ParseID(raw); err == nil && known[id].ID != 0 && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	how, group, ok := strings.Cut(q.Get("_select"), ":")
	if !ok || (how != "all" && how != "none") {
		return out
	}
	for _, c := range p.candidates {
		if c.ID == p.skip || p.groupKey(c) != group || !who.May(p.action, c.OfficeID) {
			continue
		}
		out = slices.DeleteFunc(out, func(id dialpad.ID) bool { return id == c.ID })
		if how == "all" {
			out = append(out, c.ID)
		}
	}
	return out
}

// chosen reads posted target_id values: at least one, at most
// ivrCopyMaxTargets, each a listed target other than skip that the person
// may change. The problem is a sentence for the person; the targets read
// come back with it, to tick them again.
func (p targetPick) chosen(who *Identity, raw []string) ([]copyCandidate, string) {
	byID := map[dialpad.ID]copyCandidate{}
	for _, c := range p.candidates {
		byID[c.ID] = c
	}
	var out []copyCandidate
	problem := ""
	seen := map[dialpad.ID]bool{}
	for _, v := range raw {
		id, err := dialpad.ParseID(v)
		c, ok := byID[id]
		switch {
		case err != nil || !ok:
			problem = "One of the chosen " + p.kind.Plural + " no longer exists. Choose again."
			continue
		case id == p.skip || seen[id]:
			continue
		case !who.May(p.action, c.OfficeID):
			problem = "You can't change " + c.Name + "; leave it out."
		}
		seen[id] = true
		out = append(out, c)
	}
	switch {
	case problem != "":
	case len(out) == 0:
		problem = "Choose at least one " + p.kind.Singular + "."
	case len(out) > ivrCopyMaxTargets:
		problem = "Choose at most " + strconv.Itoa(ivrCopyMaxTargets) + " " + p.kind.Plural + " at a time."
	}
	return out, problem
}
