package handlers

import (
	"net/http"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// RouterNew shows the form for a new call router; ?office_id= preselects
// the office.
func (h *Handler) RouterNew(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	targets, err := h.routerTargets(r.Context(), who)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	f := newRouterForm()
	if office, err := dialpad.ParseID(r.URL.Query().Get("office_id")); err == nil && office != 0 && targets.hasOffice(office) {
		f.OfficeID = office.String()
	}
	h.renderRouterNew(w, r, http.StatusOK, who, f, targets, "")
}

// renderRouterNew renders the new-router form with status and a message
// at the top ("" for none).
func (h *Handler) renderRouterNew(w http.ResponseWriter, r *http.Request, status int, who *Identity, f routerForm, targets *routerTargets, message string) {
	v := routerFormView(f, targets, "", false)
	v.New, v.Action, v.Submit, v.Message = true, "/routers", "Create router", message
	if !who.MaySomewhere(access.EditRouter) {
		v.ReadOnly = true
		v.ReadOnlyNote = "Creating a call router needs a Dialpad company admin or an office admin; you can review routers here."
	}
	h.Render(w, r, status, views.RouterNewPage(h.layout(r, "New call router", views.NavRouters), v), nil)
}

// newRouterForm is the new-router form as first shown: enabled, no secret.
func newRouterForm() routerForm {
	return routerForm{Enabled: true, SecretAction: views.SecretKeep}
}
