package handlers

import (
	"net/http"
	"slices"
	"strings"

	"switchboard/handlers/access"
)

// NoAccess is the page of a signed-in person without any role: a plain 403
// naming who can grant one. It shows no company data and asks Dialpad
// nothing; the names come from Switchboard's own grants.
func (h *Handler) NoAccess(w http.ResponseWriter, r *http.Request) {
	ask := "a Switchboard admin of your company"
	if admins := h.adminEmails(r); len(admins) > 0 {
		ask = "a Switchboard admin of your company (" + strings.Join(admins, ", ") + ")"
	}
	email := ""
	if who := IdentityFrom(r.Context()); who != nil && len(who.User.Emails) > 0 {
		email = " (" + who.User.Emails[0] + ")"
	}
	h.RenderError(w, r, http.StatusForbidden, "No access yet",
		"You are signed in"+email+", but you have no role in Switchboard yet. Ask "+ask+" to grant you one.")
}

// adminEmails lists the people granted the admin role, at most a few; none
// when the grants can't be read (the page still says whom to ask).
func (h *Handler) adminEmails(r *http.Request) []string {
	if h.Grants == nil {
		return nil
	}
	grants, err := h.Grants.List(r.Context())
	if err != nil {
		h.logger().WarnContext(r.Context(), "listing admins for the no-access page", "err", err)
		return nil
	}
	var out []string
	for _, g := range grants {
		if g.Role == access.Admin && !slices.Contains(out, g.Email) {
			out = append(out, g.Email)
		}
	}
	const most = 5
	return out[:min(len(out), most)]
}

// RefuseAction answers a route the person's role does not cover at all:
// 403, nothing sent to Dialpad.
func (h *Handler) RefuseAction(w http.ResponseWriter, r *http.Request, a access.Action) {
	h.logger().InfoContext(r.Context(), "route refused by role", "action", string(a))
	h.RenderError(w, r, http.StatusForbidden, "Not allowed", IdentityFrom(r.Context()).refusedEverywhere(a)+" Nothing was sent to Dialpad.")
}
