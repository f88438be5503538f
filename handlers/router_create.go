package handlers

import (
	"context"
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

// RouterCreate creates a call router from the new-router form. With a
// secret, the answer shows it, once; otherwise it redirects to the router.
func (h *Handler) RouterCreate(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxRouterFormLen) {
		return
	}
	ctx := r.Context()
	f := parseRouterForm(r, newRouterForm())
	// Checking the choice takes its name alone; the form comes back with
	// the whole chooser only when something is wrong.
	chosen, _ := parseTarget(f.DefaultTarget)
	targets, err := h.routerNames(ctx, who, chosen)
	if err != nil {
		h.logger().WarnContext(ctx, "router target names not loaded", "err", err)
		targets = nil
	}
	f.validate(targets, target{}, "")
	if !f.valid() {
		h.renderRouterNew(w, r, http.StatusUnprocessableEntity, who, f, h.withChooser(ctx, who, targets), "")
		return
	}

	if !who.May(access.EditRouter, f.officeID) {
		h.refuseChange(w, r, access.EditRouter, ResourceCallRouter, f.officeID, "")
		return
	}
	secret := f.newSecret()
	cr, err := who.Client.CreateCallRouter(ctx, dialpad.CreateCallRouter{
		Name:              dialpad.NormalizeLine(f.Name),
		OfficeID:          f.officeID,
		RoutingURL:        f.RoutingURL,
		DefaultTargetID:   f.target.id,
		DefaultTargetType: f.target.kind,
		Enabled:           f.Enabled,
		Secret:            secret,
	})
	res := audit.Resource{Kind: audit.CallRouter, Name: dialpad.NormalizeLine(f.Name), OfficeID: f.officeID}
	if cr != nil {
		res = routerResource(*cr)
	}
	changes := []audit.Change{
		auditChange("name", nil, dialpad.NormalizeLine(f.Name)), auditChange("office_id", nil, f.officeID),
		auditChange("routing_url", nil, f.RoutingURL), auditChange("default_target_id", nil, f.target.id),
		auditChange("default_target_type", nil, f.target.kind), auditChange("enabled", nil, f.Enabled),
	}
	if secret != "" {
		changes = append(changes, audit.SecretChange("secret"))
	}
	h.audit(ctx, who, res, changes, err, secret)
	if err != nil {
		h.routerCreateFailed(w, r, who, f, h.withChooser(ctx, who, targets), err, secret)
		return
	}
	h.logger().InfoContext(ctx, "call router created", "router_id", cr.ID, "office_id", cr.OfficeID, "secret_set", secret != "")
	done := "Created " + cr.Name + "."
	if secret != "" {
		h.renderRouterPage(w, r, http.StatusOK, routerPage{router: *cr, base: *cr, targets: targets,
			done: done + " Assign it a phone number so calls can reach it.", newSecret: secret})
		return
	}
	h.Flash(r, done+" Assign it a phone number so calls can reach it.")
	http.Redirect(w, r, "/routers/"+cr.ID.String(), http.StatusSeeOther)
}

// withChooser is the chooser's lists for a form coming back, or t when
// they cannot be read (the form then offers the current choice only).
func (h *Handler) withChooser(ctx context.Context, who *Identity, t *routerTargets) *routerTargets {
	if all, err := h.routerTargets(ctx, who); err == nil {
		return all
	}
	return t
}

// routerCreateFailed re-renders the new-router form after Dialpad failed.
func (h *Handler) routerCreateFailed(w http.ResponseWriter, r *http.Request, who *Identity, f routerForm, targets *routerTargets, err error, secret string) {
	fail, ok := h.routerFailed(0, who.User.Timezone, err)
	switch {
	case !ok:
		h.ServerError(w, r, err)
		return
	case fail.status == statusClientClosedRequest:
		w.WriteHeader(fail.status)
		return
	}
	h.logger().WarnContext(r.Context(), "call router not created", "status", fail.status, "err", scrub(err.Error(), secret))
	h.renderRouterNew(w, r, fail.status, who, f, targets, scrub(fail.message, secret)+inputKept)
}
