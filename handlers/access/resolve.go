package access

import (
	"slices"

	"switchboard/dialpad"
)

// Mode is how Switchboard talks to Dialpad, which decides where rights
// come from.
type Mode int

const (
	// OwnTokens: every call uses the signed-in person's token and Dialpad's
	// answer is final. Grants refine what the console offers; people
	// without one get the role their Dialpad rights imply.
	OwnTokens Mode = iota
	// CompanyKey: every call uses the company API key, so Switchboard's
	// roles are the only guard. Company admins are admins; everyone else
	// has exactly their grants, and no access without one.
	CompanyKey
)

func (m Mode) String() string {
	if m == CompanyKey {
		return "company key"
	}
	return "own tokens"
}

// Resolve gives the rights of a signed-in Dialpad user from the grants a
// store holds for them. Grants for addresses the user does not have are
// ignored, so a store lookup by the wrong email cannot widen anyone's rights.
func Resolve(mode Mode, user dialpad.User, grants []Grant) Rights {
	mine := grantsFor(user, grants)
	switch mode {
	case CompanyKey:
		if user.IsSuperAdmin {
			mine = append([]Grant{{Email: primaryEmail(user), Role: Admin}}, mine...)
		}
		return Rights{grants: mine}
	default:
		if len(mine) > 0 {
			return Rights{grants: mine}
		}
		return Rights{grants: Derived(user)}
	}
}

// Derived is the role Dialpad's own rights imply: company admins are
// admins, office admins are office admins of their offices, everyone else
// is a viewer.
func Derived(user dialpad.User) []Grant {
	email := primaryEmail(user)
	switch {
	case user.IsSuperAdmin:
		return []Grant{{Email: email, Role: Admin}}
	case len(user.AdminOfficeIDs) > 0:
		gs := make([]Grant, 0, len(user.AdminOfficeIDs))
		for _, id := range user.AdminOfficeIDs {
			gs = append(gs, Grant{Email: email, Role: OfficeAdmin, OfficeID: id})
		}
		return gs
	default:
		return []Grant{{Email: email, Role: Viewer}}
	}
}

// Emails are the user's addresses as grants are stored, for store lookups.
func Emails(user dialpad.User) []string {
	var out []string
	for _, e := range user.Emails {
		if n := NormalizeEmail(e); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func grantsFor(user dialpad.User, grants []Grant) []Grant {
	emails := Emails(user)
	var out []Grant
	for _, g := range grants {
		if g.Role != None && slices.Contains(emails, NormalizeEmail(g.Email)) {
			out = append(out, g)
		}
	}
	return out
}

func primaryEmail(user dialpad.User) string {
	if es := Emails(user); len(es) > 0 {
		return es[0]
	}
	return ""
}
