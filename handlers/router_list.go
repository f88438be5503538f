package handlers

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// RouterList shows call routers, filtered by ?office_id= (Dialpad cannot
// search routers by name).
func (h *Handler) RouterList(w http.ResponseWriter, r *http.Request) {
	id, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	f := parseListFilter(r, false)
	offices, routers, err := listWithOffices(r.Context(), id.Client, &f, id.Client.CallRouters)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	idx := indexOffices(offices)
	v := views.RouterList{
		Filter: f.bar("/routers", offices, false),
		Rows:   routerRows(routers, idx),
		Empty:  f.empty("/routers", "call routers", idx),
	}
	h.Render(w, r, http.StatusOK,
		views.RouterListPage(h.layout(r, "Call routers", views.NavRouters), v),
		views.RouterResults(v))
}

func routerRows(routers []dialpad.CallRouter, offices officeIndex) []views.RouterRow {
	slices.SortStableFunc(routers, func(a, b dialpad.CallRouter) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	rows := make([]views.RouterRow, 0, len(routers))
	for _, cr := range routers {
		rows = append(rows, views.RouterRow{
			Name:            cr.Name,
			Office:          offices.name(cr.OfficeID),
			URL:             splitRoutingURL(cr.RoutingURL),
			DefaultTarget:   targetLabel(cr.DefaultTargetType, cr.DefaultTargetID),
			DefaultTargetID: optionalID(cr.DefaultTargetID),
			PhoneNumbers:    cr.PhoneNumbers,
			Status:          routerBadge(cr.Enabled),
		})
	}
	return rows
}

func routerBadge(enabled bool) views.Badge {
	if enabled {
		return views.Badge{Label: "Enabled", Color: views.BadgeGreen, Title: "Calls are routed by the routing URL"}
	}
	return views.Badge{Label: "Disabled", Color: views.BadgeRed, Title: "Every call goes straight to the default target"}
}

// splitRoutingURL sets the host apart. A password in the URL is masked: the
// page is no place for a secret. Anything that is not an absolute URL is
// shown whole, as text.
func splitRoutingURL(raw string) views.RoutingURL {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return views.RoutingURL{After: raw}
	}
	before := u.Scheme + "://"
	if u.User != nil {
		before += u.User.Username()
		if _, has := u.User.Password(); has {
			before += ":•••"
		}
		before += "@"
	}
	after := u.EscapedPath()
	if u.RawQuery != "" {
		after += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		after += "#" + u.EscapedFragment()
	}
	return views.RoutingURL{Before: before, Host: u.Host, After: after}
}

// targetLabel words a target's kind: "Call center". Names arrive with the
// router editor, which loads the targets anyway.
func targetLabel(kind string, id dialpad.ID) string {
	if kind == "" && id == 0 {
		return "None"
	}
	label := map[string]string{
		dialpad.TargetCallCenter: "Call center",
		dialpad.TargetCallRouter: "Call router",
		dialpad.TargetDepartment: "Department",
		dialpad.TargetOffice:     "Office",
		dialpad.TargetUser:       "User",
		"coachinggroup":          "Coaching group",
		"coachingteam":           "Coaching team",
		"staffgroup":             "Staff group",
		"room":                   "Room",
		"channel":                "Channel",
	}[kind]
	return cmp.Or(label, kind, "Target")
}

// optionalID is the id as text, or "" for an unset (zero) id.
func optionalID(id dialpad.ID) string {
	if id == 0 {
		return ""
	}
	return id.String()
}
