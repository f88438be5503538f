// Package access decides who may do what in Switchboard: the roles a
// company grants, the role Dialpad itself implies, and the one decision
// every route and action asks. It holds no state; grants come from a store.
package access

import (
	"fmt"
	"strings"
)

// Role is a named set of rights. The zero value is None: no access at all.
type Role string

// The roles, from most to least powerful.
const (
	Admin       Role = "admin"        // everything, including /access and /audit
	OfficeAdmin Role = "office_admin" // edit the resources of one office; read the rest
	Support     Role = "support"      // read everything; re-enable, reset and test call routers
	Viewer      Role = "viewer"       // read everything
	None        Role = ""             // no company data at all
)

// Roles lists the roles a grant may name, most powerful first.
func Roles() []Role { return []Role{Admin, OfficeAdmin, Support, Viewer} }

// ParseRole reads a role as typed on the command line or sent by a form:
// "office_admin", "office-admin" and "Office admin" are the same role.
func ParseRole(s string) (Role, error) {
	norm := strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	for _, r := range Roles() {
		if string(r) == norm {
			return r, nil
		}
	}
	return None, fmt.Errorf("%q is not a role (use admin, office_admin, support or viewer)", s)
}

// Label is the role in plain words, for pages.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Admin"
	case OfficeAdmin:
		return "Office admin"
	case Support:
		return "Support"
	case Viewer:
		return "Viewer"
	default:
		return "No access"
	}
}

// PerOffice reports whether a grant of this role names an office.
func (r Role) PerOffice() bool { return r == OfficeAdmin }

// rank orders roles for choosing the one a page header names.
func (r Role) rank() int {
	switch r {
	case Admin:
		return 4
	case OfficeAdmin:
		return 3
	case Support:
		return 2
	case Viewer:
		return 1
	default:
		return 0
	}
}
