package handlers

import (
	"context"
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// maxAccessFormBytes bounds the grant and revoke forms: an email, a role,
// an office.
const maxAccessFormBytes = 4 << 10

// AccessList is /access: every grant, and the form to grant a role.
// Admins only.
func (h *Handler) AccessList(w http.ResponseWriter, r *http.Request) {
	who, ok := h.accessAdmin(w, r)
	if !ok {
		return
	}
	h.renderAccess(w, r, http.StatusOK, who, views.AccessList{})
}

// accessAdmin lets people who may manage access through; anyone else gets
// 403. Without a database there are no grants to manage.
func (h *Handler) accessAdmin(w http.ResponseWriter, r *http.Request) (*Identity, bool) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return nil, false
	}
	if !who.Rights.Can(access.ManageAccess, 0) {
		h.RenderError(w, r, http.StatusForbidden, "Admins only",
			"Granting and revoking roles is for Switchboard admins. Ask an admin if someone needs access.")
		return nil, false
	}
	if h.Grants == nil {
		h.RenderError(w, r, http.StatusServiceUnavailable, "No grants",
			"This Switchboard runs without a database, so it keeps no grants.")
		return nil, false
	}
	return who, true
}

// renderAccess draws the page around v (the form as typed, its problems):
// the grants as they are now, the roles and Dialpad's offices.
func (h *Handler) renderAccess(w http.ResponseWriter, r *http.Request, status int, who *Identity, v views.AccessList) {
	ctx := r.Context()
	grants, err := h.Grants.List(ctx)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	offices, oerr := who.Client.Offices(ctx)
	if oerr != nil {
		h.logger().WarnContext(ctx, "access: offices not read", "err", oerr)
		v.Note = "Dialpad's offices could not be read, so offices show by id and none can be chosen."
	}
	names := officeNames(offices)
	for _, g := range grants {
		row := views.AccessRow{Email: g.Email, Role: g.Role.Label(), RoleKey: string(g.Role)}
		if g.OfficeID != 0 {
			row.OfficeID = g.OfficeID.String()
			row.Office = accessOfficeName(names, g.OfficeID)
		}
		v.Rows = append(v.Rows, row)
	}
	for _, role := range access.Roles() {
		v.Roles = append(v.Roles, views.Option{Value: string(role), Label: role.Label(), Selected: string(role) == v.Form.Role})
	}
	for _, o := range sortedOffices(offices) {
		v.Offices = append(v.Offices, views.Option{Value: o.ID.String(), Label: o.Name, Selected: o.ID.String() == v.Form.Office})
	}
	h.Render(w, r, status, views.AccessListPage(h.layout(r, "Access", views.NavAccess), v), nil)
}

func accessOfficeName(names map[dialpad.ID]string, id dialpad.ID) string {
	if n := names[id]; n != "" {
		return n
	}
	return "Office " + id.String()
}

// auditGrant records a change to the grants: made in Switchboard (Local),
// by the admin, always applied. A failure is logged, never shown: the
// grant itself is made.
func (h *Handler) auditGrant(ctx context.Context, who *Identity, g access.Grant, ch audit.Change) {
	if h.Audit == nil {
		return
	}
	_, err := h.Audit.Record(context.WithoutCancel(ctx), audit.Entry{
		Actor:      auditActor(who),
		Credential: audit.Local,
		Resource:   audit.Resource{Kind: audit.Grant, ID: g.Email, Name: g.Email, OfficeID: g.OfficeID},
		Changes:    []audit.Change{ch},
		Outcome:    audit.AppliedOutcome(),
	})
	if err != nil {
		h.logger().ErrorContext(ctx, "audit: grant change not recorded", "err", err)
	}
}
