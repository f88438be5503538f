package access

import (
	"slices"

	"switchboard/dialpad"
)

// Rights are what one person may do: the grants that apply to them,
// resolved by Resolve. The zero value may do nothing.
type Rights struct {
	grants []Grant
}

// Can reports whether the person may do a on a resource of office. For
// company-wide actions the office is ignored; a zero office (a resource
// whose office is unknown) is only within reach of company-wide roles.
func (r Rights) Can(a Action, office dialpad.ID) bool {
	for _, g := range r.grants {
		if g.allows(a, office) {
			return true
		}
	}
	return false
}

// CanSomewhere reports whether the person may do a in at least one office,
// for deciding whether a page offers the action at all (a bulk hours form
// to an office admin, say); each target is still judged with Can.
func (r Rights) CanSomewhere(a Action) bool {
	for _, g := range r.grants {
		if g.allows(a, g.OfficeID) {
			return true
		}
	}
	return false
}

// Role is the most powerful role held, for the page header.
func (r Rights) Role() Role {
	best := None
	for _, g := range r.grants {
		if g.Role.rank() > best.rank() {
			best = g.Role
		}
	}
	return best
}

// Grants are the grants the rights were made of.
func (r Rights) Grants() []Grant { return slices.Clone(r.grants) }

// allows is the rule table: one grant, one action, one office.
func (g Grant) allows(a Action, office dialpad.ID) bool {
	switch g.Role {
	case Admin:
		return true
	case OfficeAdmin:
		if a == View {
			return true
		}
		return a.PerOffice() && office != 0 && office == g.OfficeID
	case Support:
		return a == View || a == ResetRouter || a == TestRouter
	case Viewer:
		return a == View
	default:
		return false
	}
}
