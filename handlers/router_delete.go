package handlers

import (
	"net/http"

	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// RouterDeleteConfirm asks before deleting a router, naming it and the
// numbers that go back to the company's reserve.
func (h *Handler) RouterDeleteConfirm(w http.ResponseWriter, r *http.Request) {
	who, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return
	}
	cr, err := who.Client.CallRouter(r.Context(), routerID)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	page := "/routers/" + routerID.String()
	v := views.RouterDelete{Name: cr.Name, Action: page + "/delete", Back: page, Numbers: cr.PhoneNumbers}
	if !who.May(access.EditRouter, cr.OfficeID) {
		v.ReadOnly, v.Note = true, "Deleting this router takes admin rights on its office. Ask a company admin."
	}
	h.Render(w, r, http.StatusOK, views.RouterDeletePage(h.layout(r, "Delete "+cr.Name, views.NavRouters), v), nil)
}

// RouterDelete deletes the router; its numbers go back to the reserve.
func (h *Handler) RouterDelete(w http.ResponseWriter, r *http.Request) {
	who, routerID, ok := h.routerRequest(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	// Read first: the confirmation names the router, and so does the result.
	cr, err := who.Client.CallRouter(ctx, routerID)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	if !who.May(access.EditRouter, cr.OfficeID) {
		h.refuseChange(w, r, access.EditRouter, ResourceCallRouter, cr.OfficeID, "")
		return
	}
	err = who.Client.DeleteCallRouter(ctx, routerID)
	h.audit(ctx, who, routerResource(*cr), []audit.Change{auditChange("deleted", false, true)}, err)
	if err != nil {
		h.routerActionFailed(w, r, who, routerID, err, nil)
		return
	}
	h.logger().InfoContext(ctx, "call router deleted", "router_id", routerID, "numbers_released", len(cr.PhoneNumbers))
	msg := "Deleted " + cr.Name + "."
	if n := len(cr.PhoneNumbers); n > 0 {
		msg += " Its numbers went back to the company's reserve: " + joinWords(cr.PhoneNumbers) + "."
	}
	h.Flash(r, msg)
	http.Redirect(w, r, "/routers", http.StatusSeeOther)
}
