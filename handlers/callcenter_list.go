package handlers

import (
	"net/http"

	"switchboard/views"
)

// CallCenterList shows call centers, filtered by ?office_id= and ?q=.
func (h *Handler) CallCenterList(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	f := parseListFilter(r, true)
	offices, centers, err := listWithOffices(r.Context(), who.Client, &f, who.Client.CallCenters)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	idx := indexOffices(offices)
	v := views.GroupList{
		Filter: f.bar("/callcenters", offices, true),
		Rows:   groupRows(callCenterGroups(centers), "/callcenters/", idx, h.now()),
		Empty:  f.empty("/callcenters", "call centers", idx),
	}
	h.Render(w, r, http.StatusOK,
		views.CallCenterListPage(h.layout(r, "Call centers", views.NavCallCenters), v),
		views.CallCenterResults(v))
}
