package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"switchboard/handlers/access"
	"switchboard/static"
)

// routes is every URL the console answers, in one place.
func (s *Server) routes() *chi.Mux {
	r := chi.NewRouter()

	// Every request: an id, one log line, security headers, panics turned
	// into the error page, and cross-origin protection for every
	// state-changing method (the console's CSRF defence).
	// Answers are compressed when the browser asks (middleware_compress.go).
	r.Use(middleware.RequestID, s.logRequests, s.compress, s.securityHeaders, s.recoverPanics, s.csrf.Handler)
	r.NotFound(noStore(s.sessions.LoadAndSave(s.identify(http.HandlerFunc(s.h.NotFound)))).ServeHTTP)
	r.MethodNotAllowed(s.methodNotAllowed)

	// Probes and assets: no session, so no Set-Cookie spoils their caching.
	r.Handle("/healthz", publicRoute(http.HandlerFunc(s.healthz)))
	r.Handle(static.Prefix+"*", publicRoute(http.StripPrefix(static.Prefix, s.h.Assets)))
	r.Handle("/readyz", publicRoute(http.HandlerFunc(s.readyz)))

	// Everything with a session is never cached (see noStore).
	r.Group(func(r chi.Router) {
		r.Use(noStore, s.sessions.LoadAndSave)

		// Signing in and out with Dialpad.
		r.Method(http.MethodGet, "/login", publicRoute(http.HandlerFunc(s.login)))
		r.Method(http.MethodGet, "/auth/callback", publicRoute(http.HandlerFunc(s.callback)))
		r.Method(http.MethodPost, "/logout", publicRoute(http.HandlerFunc(s.logout)))
		r.Method(http.MethodGet, "/signed-out", publicRoute(http.HandlerFunc(s.signedOut)))

		// Pages: a signed-in person, with a Dialpad client acting as them.
		r.Group(func(r chi.Router) {
			// Dialpad reads are cached for half a minute per person; a
			// write Dialpad accepted drops them, so what the person just
			// changed shows at once, and ?refresh=1 reads a page afresh.
			// One deadline for all of a page's Dialpad calls, the token
			// refresh included: past it the page answers 504 in time.
			r.Use(s.h.PageDeadline)
			r.Use(s.identify, s.requireSignIn, s.h.CacheReads)
			// Every route names its action (route_rules.go): people without
			// a role get the no-access page, and a role that never covers
			// the action a 403, before the handler runs.
			r.Method(http.MethodGet, "/", s.allow(access.View, s.h.Home))
			r.Method(http.MethodGet, "/callcenters", s.allow(access.View, s.h.CallCenterList))
			r.Method(http.MethodGet, "/departments", s.allow(access.View, s.h.DepartmentList))
			r.Method(http.MethodGet, "/routers", s.allow(access.View, s.h.RouterList))

			// Hours editor: one call center or department, its form posted
			// back to the same URL, and the live pending-changes preview.
			r.Method(http.MethodGet, "/callcenters/{id}", s.allow(access.View, s.h.CallCenterEdit))
			r.Method(http.MethodPost, "/callcenters/{id}", s.allow(access.EditHours, s.h.CallCenterSave))
			r.Method(http.MethodPost, "/callcenters/{id}/preview", s.allow(access.EditHours, s.h.CallCenterPreview))
			r.Method(http.MethodGet, "/departments/{id}", s.allow(access.View, s.h.DepartmentEdit))
			r.Method(http.MethodPost, "/departments/{id}", s.allow(access.EditHours, s.h.DepartmentSave))
			r.Method(http.MethodPost, "/departments/{id}/preview", s.allow(access.EditHours, s.h.DepartmentPreview))

			// Business hours review: every call center and department on
			// one page, its CSV, and one week applied to several at once.
			r.Method(http.MethodGet, "/hours", s.allow(access.View, s.h.HoursReview))
			r.Method(http.MethodGet, "/hours.csv", s.allow(access.View, s.h.HoursCSV))
			r.Method(http.MethodGet, "/hours/bulk", s.allow(access.BulkHours, s.h.HoursBulk))
			r.Method(http.MethodPost, "/hours/bulk", s.allow(access.BulkHours, s.h.HoursBulkSubmit))

			// Call routers: create, settings (one PATCH per save), support's
			// reset, numbers, the endpoint tester, delete, and demo mode's
			// call simulator (404 outside demo mode). The default target's
			// select is fetched on request: its lists are costly.
			r.Method(http.MethodGet, "/routers/new", s.allow(access.EditRouter, s.h.RouterNew))
			r.Method(http.MethodPost, "/routers", s.allow(access.EditRouter, s.h.RouterCreate))
			r.Method(http.MethodGet, "/routers/{id}", s.allow(access.View, s.h.RouterEdit))
			r.Method(http.MethodGet, "/routers/{id}/targets", s.allow(access.View, s.h.RouterTargetChooser))
			r.Method(http.MethodPost, "/routers/{id}", s.allow(access.EditRouter, s.h.RouterSave))
			r.Method(http.MethodPost, "/routers/{id}/reset", s.allow(access.ResetRouter, s.h.RouterReset))
			r.Method(http.MethodPost, "/routers/{id}/numbers", s.allow(access.EditRouter, s.h.RouterNumber))
			r.Method(http.MethodPost, "/routers/{id}/test", s.allow(access.TestRouter, s.h.RouterTestCall))
			r.Method(http.MethodGet, "/routers/{id}/delete", s.allow(access.EditRouter, s.h.RouterDeleteConfirm))
			r.Method(http.MethodPost, "/routers/{id}/delete", s.allow(access.EditRouter, s.h.RouterDelete))
			r.Method(http.MethodPost, "/routers/{id}/demo", s.allow(access.TestRouter, s.h.RouterDemo))

			// Custom IVRs of any target: assignments (one request per
			// changed type), unassign and the confirmation of deletes
			// (Dialpad's DELETE deletes the recording), upload, rename, copy to other
			// targets of the same kind, and demo mode's audio relay.
			r.Method(http.MethodGet, "/ivrs/audio/{ivr_id}", s.allow(access.View, s.h.IVRAudioProxy))
			r.Method(http.MethodGet, "/ivrs/{target_type}/{target_id}", s.allow(access.View, s.h.IVRAssignments))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}", s.allow(access.EditIVR, s.h.IVRSave))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/unassign", s.allow(access.EditIVR, s.h.IVRUnassign))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/delete", s.allow(access.EditIVR, s.h.IVRDeleteConfirm))
			r.Method(http.MethodGet, "/ivrs/{target_type}/{target_id}/upload", s.allow(access.View, s.h.IVRUploadForm))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/upload", s.allow(access.EditIVR, s.h.IVRUpload))
			r.Method(http.MethodGet, "/ivrs/{target_type}/{target_id}/recordings/{ivr_id}", s.allow(access.View, s.h.IVRRenameForm))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/recordings/{ivr_id}", s.allow(access.EditIVR, s.h.IVRRename))
			r.Method(http.MethodGet, "/ivrs/{target_type}/{target_id}/copy", s.allow(access.CopyIVR, s.h.IVRCopyForm))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/copy", s.allow(access.CopyIVR, s.h.IVRCopyPreview))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/copy/apply", s.allow(access.CopyIVR, s.h.IVRCopyApply))
			// Copying audio: the same MP3 uploaded to several targets of the
			// kind, each judged by its own office.
			r.Method(http.MethodGet, "/ivrs/{target_type}/{target_id}/copy/upload", s.allow(access.EditIVR, s.h.IVRCopyUploadForm))
			r.Method(http.MethodPost, "/ivrs/{target_type}/{target_id}/copy/upload", s.allow(access.EditIVR, s.h.IVRCopyUpload))

			// Switchboard's own records, for admins: the audit trail and
			// its CSV, and who may do what (grant, revoke). The handlers
			// check the right again themselves.
			r.Method(http.MethodGet, "/audit", s.allow(access.ViewAudit, s.h.AuditList))
			r.Method(http.MethodGet, "/audit.csv", s.allow(access.ViewAudit, s.h.AuditCSV))
			r.Method(http.MethodGet, "/access", s.allow(access.ManageAccess, s.h.AccessList))
			r.Method(http.MethodPost, "/access", s.allow(access.ManageAccess, s.h.AccessGrant))
			r.Method(http.MethodPost, "/access/revoke", s.allow(access.ManageAccess, s.h.AccessRevoke))
		})
	})
	return r
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.h.RenderError(w, r, http.StatusMethodNotAllowed, "Not allowed",
		"This address does not accept that kind of request.")
}
