package handlers

import (
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// A router's default target is two API fields, default_target_type and
// default_target_id, chosen in one select: a conflict on either is one row,
// "default_target", and its choice covers both.
const conflictDefaultTarget = "default_target"

// routerConflict answers 409: nothing was sent, because someone changed a
// field in Dialpad that the person changed too. The form comes back based
// on the fresh read with the person's changes on top, and a panel asks per
// field whose value to keep.
func (h *Handler) routerConflict(w http.ResponseWriter, r *http.Request, page routerPage,
	mine, theirs dialpad.CallRouter, d dialpad.Diff) {
	fields := make([]string, len(d.Conflicts))
	for i, c := range d.Conflicts {
		fields[i] = c.Field
	}
	h.routerRebased(w, r, http.StatusConflict, page, mine, theirs, d.Changes, fields, false)
}

// routerRebased answers status with the form based on theirs (a fresh
// read) and the person's changes on top, and a panel of fields (API
// names) setting their value beside Dialpad's: a conflict, or with
// unknown a save Dialpad may have applied.
func (h *Handler) routerRebased(w http.ResponseWriter, r *http.Request, status int, page routerPage,
	mine, theirs dialpad.CallRouter, changes []dialpad.Change, fields []string, unknown bool) {
	rebased, err := dialpad.Rebase(theirs, changes)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	typed := *page.form
	// Their target may be one the page has not named yet.
	if t, err := h.routerNames(r.Context(), IdentityFrom(r.Context()),
		target{theirs.DefaultTargetType, theirs.DefaultTargetID},
		target{mine.DefaultTargetType, mine.DefaultTargetID}); err == nil {
		page.targets = t
	}
	f := formFromRouter(rebased)
	f.SecretAction, f.Secret, f.ResetErrorCount = typed.SecretAction, typed.Secret, typed.ResetErrorCount

	panel := views.ConflictPanel{Kind: "router", Unknown: unknown}
	seen := map[string]bool{}
	for _, apiField := range fields {
		field := routerConflictField(apiField)
		if seen[field] {
			continue
		}
		seen[field] = true
		panel.Rows = append(panel.Rows, views.ConflictRow{
			Field:      field,
			Label:      capitalize(routerFieldWords(field)),
			Mine:       routerFieldValue(field, mine, page.targets),
			Theirs:     routerFieldValue(field, theirs, page.targets),
			TakeTheirs: typed.Conflict[field] == views.ConflictTakeTheirs,
		})
	}
	h.logger().InfoContext(r.Context(), "call router re-based", "router_id", theirs.ID, "fields", len(panel.Rows), "unknown", unknown)
	page.router, page.base, page.form, page.conflict = theirs, theirs, &f, panel
	h.renderRouterPage(w, r, status, page)
}

// routerConflictField is the form's name for a conflicting API field.
func routerConflictField(apiField string) string {
	if apiField == "default_target_id" || apiField == "default_target_type" {
		return conflictDefaultTarget
	}
	return apiField
}

// routerChoices turns the panel's choices into API fields for theirsChosen.
func routerChoices(choices map[string]string) map[string]string {
	out := make(map[string]string, len(choices)+1)
	for field, c := range choices {
		if field == conflictDefaultTarget {
			out["default_target_id"], out["default_target_type"] = c, c
			continue
		}
		out[field] = c
	}
	return out
}

// routerFieldWords names a field for people: "routing URL".
func routerFieldWords(field string) string {
	switch field {
	case "name":
		return "name"
	case "routing_url":
		return "routing URL"
	case "office_id":
		return "office"
	case "enabled":
		return "enabled"
	case conflictDefaultTarget, "default_target_id", "default_target_type":
		return "default target"
	}
	return strings.ReplaceAll(field, "_", " ")
}

// routerFieldValue words a field's value in a router.
func routerFieldValue(field string, cr dialpad.CallRouter, t *routerTargets) string {
	switch field {
	case "name":
		return orEmpty(cr.Name)
	case "routing_url":
		return orEmpty(cr.RoutingURL)
	case "office_id":
		return t.officeIndex().name(cr.OfficeID)
	case "enabled":
		if cr.Enabled {
			return "Enabled"
		}
		return "Disabled"
	case conflictDefaultTarget:
		return t.label(target{cr.DefaultTargetType, cr.DefaultTargetID})
	}
	return ""
}

func orEmpty(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}

// capitalize upper-cases the first letter: "routing URL" -> "Routing URL".
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
