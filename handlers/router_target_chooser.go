package handlers

import (
	"net/http"

	"switchboard/views"
)

// RouterTargetChooser answers htmx's request for a router's default target
// select, ?default_target= being the choice in the form: it reads the
// company's offices, departments, call centers and users only now, when
// the person asked to choose. Without JavaScript, the router page's
// ?choose=target does the same, and a plain visit here goes there.
func (h *Handler) RouterTargetChooser(w http.ResponseWriter, r *http.Request) {
	who, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return
	}
	page := "/routers/" + routerID.String()
	if !wantsPartial(r) {
		http.Redirect(w, r, page+"?choose=target#default-target", http.StatusSeeOther)
		return
	}
	ctx := r.Context()
	f := routerForm{DefaultTarget: r.URL.Query().Get("default_target")}
	t, err := h.routerTargets(ctx, who)
	if err != nil {
		h.logger().WarnContext(ctx, "router targets not loaded", "router_id", routerID, "err", err)
		// The field stays closed, with a note and the button to try again.
		t, _ = h.routerNames(ctx, who, selectedTarget(f))
	}
	v := routerFormView(f, t, page, true)
	v.FocusTargets = t.full()
	field := views.RouterTargetField(v)
	h.Render(w, r, http.StatusOK, field, field)
}
