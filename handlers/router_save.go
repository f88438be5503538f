package handlers

import (
	"net/http"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
)

// RouterSave handles the settings form: everything in it (fields, a new
// secret, resetting the error count) goes to Dialpad as one PATCH with only
// the person's changes, because Dialpad accepts one change per router every
// five minutes. Invalid input, a conflict, a rate limit or any Dialpad
// failure comes back as the same form with everything typed kept. A new
// secret is shown in the answer to this request, and only there.
func (h *Handler) RouterSave(w http.ResponseWriter, r *http.Request) {
	who, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxRouterFormLen) {
		return
	}
	ctx := r.Context()
	var base dialpad.CallRouter
	if err := h.unseal(routerSealKind(routerID), r.PostFormValue("_base"), &base); err != nil || base.ID != routerID {
		h.routerStale(w, r, who, routerID)
		return
	}
	// The sealed base names the router's office as the page showed it; the
	// save goes out only if the person may edit there.
	if !who.May(access.EditRouter, base.OfficeID) {
		h.refuseChange(w, r, access.EditRouter, ResourceCallRouter, base.OfficeID, "")
		return
	}

	f := parseRouterForm(r, formFromRouter(base))
	baseTarget := target{base.DefaultTargetType, base.DefaultTargetID}
	chosen, _ := parseTarget(f.DefaultTarget)
	targets, err := h.routerNames(ctx, who, baseTarget, chosen)
	if err != nil {
		// Names only: the form is still checked, and Dialpad has the last word.
		h.logger().WarnContext(ctx, "router target names not loaded", "router_id", routerID, "err", err)
		targets = nil
	}
	page := routerPage{router: base, base: base, targets: targets, form: &f}
	f.validate(targets, baseTarget, base.Name)
	if !f.valid() {
		h.renderRouterPage(w, r, http.StatusUnprocessableEntity, page)
		return
	}

	// Moving the router takes the right to edit in its new office too.
	if f.officeID != 0 && f.officeID != base.OfficeID && !who.May(access.EditRouter, f.officeID) {
		h.refuseChange(w, r, access.EditRouter, ResourceCallRouter, f.officeID, "")
		return
	}
	mine, err := dialpad.TakeTheirs(f.apply(base), base, theirsChosen(routerChoices(f.Conflict)))
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	extra := dialpad.Patch{}
	secret := f.newSecret()
	if secret != "" {
		extra["secret"] = secret
	}
	if f.ResetErrorCount {
		extra["reset_error_count"] = true
	}
	if h.routerTooSoon(w, r, who, routerID, &page) {
		return
	}
	saved, err := who.Client.SaveCallRouter(ctx, routerID, base, mine, extra)
	if attemptedSave(saved.Diff, saved.Current != nil, extra) {
		changes := auditChanges(saved.Diff.SentChanges())
		if secret != "" {
			changes = append(changes, audit.SecretChange("secret"))
		}
		if f.ResetErrorCount {
			changes = append(changes, auditChange("reset_error_count", nil, true))
		}
		h.audit(ctx, who, routerResource(base), changes, err, secret)
	}
	if outcomeUnknown(err) {
		h.routerOutcomeUnknown(w, r, page, mine, saved.Diff.Changes, secret, err)
		return
	}
	if err != nil {
		if saved.Current != nil {
			page.router = *saved.Current
		}
		h.routerFormFailed(w, r, routerID, page, err, secret)
		return
	}
	if saved.Diff.HasConflicts() {
		h.routerConflict(w, r, page, mine, *saved.Current, saved.Diff)
		return
	}
	if !saved.Sent {
		h.Flash(r, "Nothing to save: the form matches what Dialpad has.")
		http.Redirect(w, r, "/routers/"+routerID.String(), http.StatusSeeOther)
		return
	}

	h.routerChanges.changed(routerID, h.now())
	fields := changedFields(saved.Diff)
	h.logger().InfoContext(ctx, "call router saved", "router_id", routerID, "fields", fields,
		"secret_set", secret != "", "reset_error_count", f.ResetErrorCount)
	// When the next change is possible the page shows by Save, counting
	// down in the browser's zone: the sentence need not say it again.
	done := savedSentence(saved.Current.Name, fields, secret != "", f.ResetErrorCount)
	if secret != "" {
		h.renderRouterPage(w, r, http.StatusOK, routerPage{
			router: *saved.Current, base: *saved.Current, targets: targets,
			done: done, newSecret: secret,
		})
		return
	}
	h.Flash(r, done)
	http.Redirect(w, r, "/routers/"+routerID.String(), http.StatusSeeOther)
}

// routerFormFailed re-renders the form after Dialpad failed, with the
// person's input and a plain message.
func (h *Handler) routerFormFailed(w http.ResponseWriter, r *http.Request, routerID dialpad.ID, page routerPage, err error, secret string) {
	fail, ok := h.routerFailed(routerID, IdentityFrom(r.Context()).User.Timezone, err)
	switch {
	case !ok:
		h.ServerError(w, r, err)
		return
	case fail.status == statusClientClosedRequest:
		w.WriteHeader(fail.status)
		return
	}
	// Dialpad's message could quote what was sent; the secret stays out.
	h.logger().WarnContext(r.Context(), "call router not saved", "router_id", routerID, "status", fail.status, "err", scrub(err.Error(), secret))
	page.message = scrub(fail.message, secret) + inputKept
	if fail.retry {
		h.writeRetryAfter(w, routerID)
	}
	h.renderRouterPage(w, r, fail.status, page)
}

// routerStale answers a form whose sealed base is missing, altered or from
// another router: nothing is sent, the router is shown as it is now.
func (h *Handler) routerStale(w http.ResponseWriter, r *http.Request, who *Identity, routerID dialpad.ID) {
	cr, targets, err := h.loadRouterPage(r.Context(), who, routerID, false)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	h.renderRouterPage(w, r, http.StatusBadRequest, routerPage{router: *cr, base: *cr, targets: targets,
		message: "This form could not be checked (it may come from an old page), so nothing was saved. The router is shown as it is now; make your change again."})
}

// changedFields names the fields a save sent, in API words, once each.
func changedFields(d dialpad.Diff) []string {
	var out []string
	for _, c := range d.Changes {
		name := routerFieldWords(c.Field)
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// savedSentence reports a save: "Saved VIP Router: name and routing URL."
func savedSentence(name string, fields []string, secret, reset bool) string {
	parts := fields
	if secret {
		parts = append(parts, "new signing secret")
	}
	if reset {
		parts = append(parts, "error count reset")
	}
	if len(parts) == 0 {
		return "Saved " + name + "."
	}
	return "Saved " + name + ": " + joinWords(parts) + "."
}

// joinWords is "a", "a and b", "a, b and c".
func joinWords(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// scrub takes a secret out of a message that may quote what was sent.
func scrub(msg, secret string) string {
	if secret == "" {
		return msg
	}
	return strings.ReplaceAll(msg, secret, "•••")
}
