package handlers

import (
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

// AccessRevoke revokes one grant (a POST per row of /access): the role of
// that email, and for an office admin that office only. The revoke is
// audited, flashed and answered 303.
func (h *Handler) AccessRevoke(w http.ResponseWriter, r *http.Request) {
	who, ok := h.accessAdmin(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxAccessFormBytes) {
		return
	}
	email := access.NormalizeEmail(r.PostForm.Get("email"))
	role, err := access.ParseRole(r.PostForm.Get("role"))
	var office dialpad.ID
	if o := strings.TrimSpace(r.PostForm.Get("office_id")); o != "" && err == nil {
		office, err = dialpad.ParseID(o)
	}
	if err != nil || email == "" {
		h.RenderErrorAction(w, r, http.StatusBadRequest, "Unknown grant",
			"Switchboard could not read which grant to revoke, so nothing was changed.", "Back to access", "/access")
		return
	}
	ctx := r.Context()
	// The store revokes a role with all its offices; an office admin's
	// other offices are granted back at once.
	gone, err := h.Grants.Revoke(ctx, email, role)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	revoked := false
	for _, g := range gone {
		if role.PerOffice() && g.OfficeID != office {
			if _, err := h.Grants.Grant(ctx, g); err != nil {
				h.ServerError(w, r, err)
				return
			}
			continue
		}
		revoked = true
		h.auditGrant(ctx, who, g, audit.Change{Field: "role", Old: string(g.Role)})
	}
	if !revoked {
		h.Flash(r, email+" had no such role; nothing was changed.")
	} else {
		h.logger().InfoContext(ctx, "access: revoked", "role", role, "office_id", office)
		h.Flash(r, "Revoked "+role.Label()+" from "+email+".")
	}
	http.Redirect(w, r, "/access", http.StatusSeeOther)
}
