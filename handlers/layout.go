package handlers

import (
	"log/slog"
	"net/http"
	"time"

	"switchboard/dialpad/cache"
	"switchboard/handlers/access"
	"switchboard/views"
)

// layout builds what the page frame needs from the request: who is signed
// in, the pending flash, asset URLs and the active section. The flash is
// only taken for full pages; an htmx fragment has no place to show it.
func (h *Handler) layout(r *http.Request, title, nav string) views.LayoutData {
	l := views.LayoutData{Title: title, Nav: nav}
	if who := IdentityFrom(r.Context()); who != nil {
		l.SignedIn = true
		l.UserName = displayName(who.User.DisplayName, who.User.FirstName, who.User.LastName)
		l.Role = who.Role()
		// Without a database there is no trail and no grants to show.
		l.AuditLink = h.Audit != nil && who.Rights.Can(access.ViewAudit, 0)
		l.AccessLink = h.Grants != nil && who.Rights.Can(access.ManageAccess, 0)
	}
	if !wantsPartial(r) {
		l.Flash, l.FlashWarning = h.popFlashes(r.Context())
		if at := cache.AgeFrom(r.Context()).Oldest(); !at.IsZero() && r.Method == http.MethodGet {
			l.DataAge, l.DataRefresh = dataAge(h.now().Sub(at)), refreshHref(r)
		}
	}
	if h.Assets != nil {
		l.CSS = h.Assets.URL("css/app.css")
		l.HTMX = h.Assets.URL("vendor/htmx.min.js")
		l.JS = h.Assets.URL("js/app.js")
		l.Icon = h.Assets.URL("img/icon.svg")
	}
	return l
}

func displayName(display, first, last string) string {
	switch {
	case display != "":
		return display
	case first != "" && last != "":
		return first + " " + last
	case first != "":
		return first
	}
	return last
}

func (h *Handler) logger() *slog.Logger {
	if h.Logger != nil {
		return h.Logger
	}
	return slog.Default()
}

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}
