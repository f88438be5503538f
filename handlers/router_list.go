package handlers

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// RouterList shows call routers, filtered by ?office_id= (Dialpad cannot
// search routers by name), each with its default target by name.
func (h *Handler) RouterList(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	f := parseListFilter(r, false)
	targets, routers, err := h.listRouters(r.Context(), who, &f)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	idx := targets.officeIndex()
	v := views.RouterList{
		Filter:   f.bar("/routers", targets.offices, false),
		Rows:     routerRows(routers, targets),
		Empty:    f.empty("/routers", "call routers", idx),
		Disabled: disabledRouters(routers),
	}
	if who.MaySomewhere(access.EditRouter) {
		v.NewHref = "/routers/new"
		if f.OfficeID != 0 {
			v.NewHref = listHref(v.NewHref, f.OfficeID)
		}
	}
	h.Render(w, r, http.StatusOK,
		views.RouterListPage(h.layout(r, "Call routers", views.NavRouters), v),
		views.RouterResults(v))
}

// listRouters fetches the filtered routers and the offices at once, then
// names the routers' default targets (each read by id unless the person's
// recent pages already named it). When the office filter names no office,
// the routers are fetched again without it.
func (h *Handler) listRouters(ctx context.Context, who *Identity, f *listFilter) (*routerTargets, []dialpad.CallRouter, error) {
	var (
		wg                 fanOut
		offices            *routerTargets
		routers            []dialpad.CallRouter
		errOffices, errRts error
	)
	wg.Go(func() { offices, errOffices = h.routerNames(ctx, who) })
	wg.Go(func() { routers, errRts = who.Client.CallRouters(ctx, f.api()) })
	if err := wg.Wait(); err != nil {
		return nil, nil, err
	}
	if errOffices != nil {
		return nil, nil, errOffices
	}
	if f.resolveOffice(offices.offices) {
		routers, errRts = who.Client.CallRouters(ctx, f.api())
	}
	if errRts != nil {
		return nil, nil, errRts
	}
	tgs := make([]target, 0, len(routers))
	for _, cr := range routers {
		tgs = append(tgs, target{cr.DefaultTargetType, cr.DefaultTargetID})
	}
	targets, err := h.routerNames(ctx, who, tgs...)
	if err != nil {
		// The list still shows, its targets named by kind and id.
		h.logger().WarnContext(ctx, "router target names not loaded", "err", err)
		targets = offices
	}
	return targets, routers, nil
}

func routerRows(routers []dialpad.CallRouter, targets *routerTargets) []views.RouterRow {
	slices.SortStableFunc(routers, func(a, b dialpad.CallRouter) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	offices := targets.officeIndex()
	rows := make([]views.RouterRow, 0, len(routers))
	for _, cr := range routers {
		row := views.RouterRow{
			Name:         cr.Name,
			Href:         "/routers/" + cr.ID.String(),
			Office:       offices.name(cr.OfficeID),
			URL:          splitRoutingURL(cr.RoutingURL),
			PhoneNumbers: cr.PhoneNumbers,
			Status:       routerBadge(cr.Enabled),
		}
		tg := target{cr.DefaultTargetType, cr.DefaultTargetID}
		if name, ok := targets.name(tg); ok {
			row.DefaultTarget, row.DefaultTargetKind = name, targetLabel(tg.kind, tg.id)
		} else {
			row.DefaultTarget = targets.label(tg)
		}
		if !cr.Enabled {
			row.StatusNote = "Every call goes to the default target"
		}
		rows = append(rows, row)
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

// targetLabel words a target's kind: "Call center".
func targetLabel(kind string, id dialpad.ID) string {
	if kind == "" && id == 0 {
		return "None"
	}
	return cmp.Or(capitalize(targetKinds[kind]), kind, "Target")
}

// optionalID is the id as text, or "" for an unset (zero) id.
func optionalID(id dialpad.ID) string {
	if id == 0 {
		return ""
	}
	return id.String()
}
