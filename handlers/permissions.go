package handlers

import (
	"net/http"
	"slices"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

// Resource is a kind of thing the console changes in Dialpad.
type Resource string

const (
	ResourceCallCenter Resource = dialpad.TargetCallCenter
	ResourceDepartment Resource = dialpad.TargetDepartment
	ResourceCallRouter Resource = dialpad.TargetCallRouter
	ResourceCustomIVR  Resource = "customivr" // a target's custom IVR assignments and recordings
)

// The rules below are Dialpad's, as its spec states them, and this file is
// the only place the console keeps them: pages never ask them directly: they ask
// Identity.May (may.go), which adds Switchboard's roles and skips these
// rules when the company key makes the calls. Dialpad's 403 stays the
// final word; these only spare people forms that would be refused.
//
//   - Call centers and departments: "Requires a company admin API key"
//     (creating, changing, deleting). An office admin's own token is refused
//     even in their own office.
//   - Call routers and custom IVRs: the spec names no such requirement;
//     Dialpad (and the emulator) accept company admins and admins of the
//     resource's office.

// companyAdminOnly tells the kinds only a company admin may change.
func (r Resource) companyAdminOnly() bool {
	return r == ResourceCallCenter || r == ResourceDepartment
}

// dialpadCanChange reports whether Dialpad will accept this person's changes to a
// resource of kind r in the office.
func (who *Identity) dialpadCanChange(r Resource, officeID dialpad.ID) bool {
	switch {
	case who == nil:
		return false
	case who.User.IsSuperAdmin:
		return true
	case r.companyAdminOnly():
		return false
	}
	return slices.Contains(who.User.AdminOfficeIDs, officeID)
}

// dialpadMayChangeSome reports whether this person can change a resource of kind r
// in at least one office.
func (who *Identity) dialpadMayChangeSome(r Resource) bool {
	switch {
	case who == nil:
		return false
	case who.User.IsSuperAdmin:
		return true
	case r.companyAdminOnly():
		return false
	}
	return len(who.User.AdminOfficeIDs) > 0
}

// ReadOnlyReason is the one plain sentence a page shows in place of a form
// this person could not use: why they can't change it, and what they can
// do. office names the resource's office ("London", "this call center's
// office"); "" when unknown.
func ReadOnlyReason(r Resource, office string) string {
	where := "its office"
	if office != "" {
		where = office
	}
	switch r {
	case ResourceCallCenter:
		return "Changing call centers needs a Dialpad company admin; you can review them here."
	case ResourceDepartment:
		return "Changing departments needs a Dialpad company admin; you can review them here."
	case ResourceCallRouter:
		return "Changing this call router needs a Dialpad company admin or an admin of " + where + "; you can review it here."
	}
	return "Changing these recordings needs a Dialpad company admin or an admin of " + where + "; you can review them here."
}

// hoursReadOnlyReason is the sentence of pages that change business hours of
// call centers and departments together (the review, bulk apply).
func hoursReadOnlyReason() string {
	return "Changing business hours needs a Dialpad company admin; you can review them here."
}

// refuseChange answers a change this person may not make: 403, nothing sent
// to Dialpad, and the sentence saying why.
func (h *Handler) refuseChange(w http.ResponseWriter, r *http.Request, a access.Action, res Resource, officeID dialpad.ID, office string) {
	h.logger().InfoContext(r.Context(), "change refused before Dialpad", "resource", string(res), "action", string(a))
	h.RenderError(w, r, http.StatusForbidden, "Not allowed",
		IdentityFrom(r.Context()).readOnlyReason(a, res, officeID, office)+" Nothing was sent to Dialpad.")
}
