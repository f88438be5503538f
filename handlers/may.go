package handlers

import (
	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

// May is the one decision every page and action asks: may this person do a
// on a resource of office? Switchboard's role must allow it and, when the
// call goes out with the person's own token, so must Dialpad's own rule
// (permissions.go), since Dialpad's answer is final there. With the company
// key the role alone decides: the key is a company admin's.
func (who *Identity) May(a access.Action, office dialpad.ID) bool {
	if who == nil || !who.Rights.Can(a, office) {
		return false
	}
	return who.companyKey() || dialpadAllows(who, a, office)
}

// MaySomewhere reports whether the person may do a in at least one office,
// for deciding whether a page offers the action at all; each resource is
// still judged with May.
func (who *Identity) MaySomewhere(a access.Action) bool {
	if who == nil || !who.Rights.CanSomewhere(a) {
		return false
	}
	return who.companyKey() || dialpadAllowsSome(who, a)
}

// companyKey reports whether this person's Dialpad calls carry the company
// API key rather than their own token.
func (who *Identity) companyKey() bool { return who.Credential == audit.CompanyKey }

// roleAllows reports whether the role, not Dialpad, is what stops the
// person: the page then names the role rather than Dialpad's rule.
func (who *Identity) roleAllows(a access.Action, office dialpad.ID) bool {
	return who != nil && who.Rights.Can(a, office)
}

// resourceOf is the kind of Dialpad resource whose rule applies to a.
func resourceOf(a access.Action) (Resource, bool) {
	switch a {
	case access.EditHours, access.BulkHours:
		return ResourceCallCenter, true // call centers and departments share the rule
	case access.EditRouter, access.ResetRouter, access.TestRouter:
		return ResourceCallRouter, true
	case access.EditIVR, access.CopyIVR:
		return ResourceCustomIVR, true
	}
	return "", false
}

func dialpadAllows(who *Identity, a access.Action, office dialpad.ID) bool {
	res, ok := resourceOf(a)
	if !ok {
		return true // reading, /access and /audit never reach Dialpad's write rules
	}
	return who.dialpadCanChange(res, office)
}

func dialpadAllowsSome(who *Identity, a access.Action) bool {
	res, ok := resourceOf(a)
	if !ok {
		return true
	}
	return who.dialpadMayChangeSome(res)
}

// readOnlyReason is the one sentence a page shows in place of what the
// person may not do. When Dialpad's own rule stops them (own tokens), it
// names that rule; otherwise their Switchboard role is what stops them.
func (who *Identity) readOnlyReason(a access.Action, res Resource, officeID dialpad.ID, office string) string {
	if who != nil && !who.roleAllows(a, officeID) && (who.companyKey() || dialpadAllows(who, a, officeID)) {
		return roleReason(who.Rights.Role())
	}
	if a == access.BulkHours {
		return hoursReadOnlyReason()
	}
	return ReadOnlyReason(res, office)
}

// roleReason says the person's role does not cover the change.
func roleReason(r access.Role) string {
	return "Your Switchboard role (" + r.Label() + ") does not cover this change; you can review it here. A Switchboard admin can grant more."
}

// refusedEverywhere is the sentence for an action the person may do in no
// office: with their own token, Dialpad's rule when it refuses too (it is
// the one they would meet anyway), else their role.
func (who *Identity) refusedEverywhere(a access.Action) string {
	res, ok := resourceOf(a)
	switch {
	case who == nil:
		return roleReason(access.None)
	case !ok || who.companyKey() || dialpadAllowsSome(who, a):
		return roleReason(who.Rights.Role())
	case a == access.BulkHours || a == access.EditHours:
		return hoursReadOnlyReason() // call center or department: the route does not say
	}
	return ReadOnlyReason(res, "")
}
