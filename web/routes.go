package web

import (
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"switchboard/static"
)

// routes is every URL the console answers, in one place.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()

	// Every request: an id, one log line, security headers, panics turned
	// into the error page, and cross-origin protection for every
	// state-changing method (the console's CSRF defence).
	// Answers are compressed when the browser asks (middleware_compress.go).
	r.Use(middleware.RequestID, s.logRequests, s.compress, s.securityHeaders, s.recoverPanics, s.csrf.Handler)
	r.NotFound(noStore(s.sessions.LoadAndSave(s.identify(http.HandlerFunc(s.h.NotFound)))).ServeHTTP)
	r.MethodNotAllowed(s.methodNotAllowed)

	// Probes and assets: no session, so no Set-Cookie spoils their caching.
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)
	r.Handle(static.Prefix+"*", http.StripPrefix(static.Prefix, s.h.Assets))

	// Everything with a session is never cached (see noStore).
	r.Group(func(r chi.Router) {
		r.Use(noStore, s.sessions.LoadAndSave)

		// Signing in and out with Dialpad.
		r.Get("/login", s.login)
		r.Get("/auth/callback", s.callback)
		r.Post("/logout", s.logout)
		r.Get("/signed-out", s.signedOut)

		// Pages: a signed-in person, with a Dialpad client acting as them.
		r.Group(func(r chi.Router) {
			// Dialpad reads are cached for half a minute per person; a
			// write Dialpad accepted drops them, so what the person just
			// changed shows at once, and ?refresh=1 reads a page afresh.
			// One deadline for all of a page's Dialpad calls, the token
			// refresh included: past it the page answers 504 in time.
			r.Use(s.h.PageDeadline)
			r.Use(s.identify, s.requireSignIn, s.h.CacheReads)
			r.Get("/", s.h.Home)
			r.Get("/callcenters", s.h.CallCenterList)
			r.Get("/departments", s.h.DepartmentList)
			r.Get("/routers", s.h.RouterList)

			// Hours editor: one call center or department, its form posted
			// back to the same URL, and the live pending-changes preview.
			r.Get("/callcenters/{id}", s.h.CallCenterEdit)
			r.Post("/callcenters/{id}", s.h.CallCenterSave)
			r.Post("/callcenters/{id}/preview", s.h.CallCenterPreview)
			r.Get("/departments/{id}", s.h.DepartmentEdit)
			r.Post("/departments/{id}", s.h.DepartmentSave)
			r.Post("/departments/{id}/preview", s.h.DepartmentPreview)

			// Business hours review: every call center and department on
			// one page, its CSV, and one week applied to several at once.
			r.Get("/hours", s.h.HoursReview)
			r.Get("/hours.csv", s.h.HoursCSV)
			r.Get("/hours/bulk", s.h.HoursBulk)
			r.Post("/hours/bulk", s.h.HoursBulkSubmit)

			// Call routers: create, settings (one PATCH per save), support's
			// reset, numbers, the endpoint tester, delete, and demo mode's
			// call simulator (404 outside demo mode). The default target's
			// select is fetched on request: its lists are costly.
			r.Get("/routers/new", s.h.RouterNew)
			r.Post("/routers", s.h.RouterCreate)
			r.Get("/routers/{id}", s.h.RouterEdit)
			r.Get("/routers/{id}/targets", s.h.RouterTargetChooser)
			r.Post("/routers/{id}", s.h.RouterSave)
			r.Post("/routers/{id}/reset", s.h.RouterReset)
			r.Post("/routers/{id}/numbers", s.h.RouterNumber)
			r.Post("/routers/{id}/test", s.h.RouterTestCall)
			r.Get("/routers/{id}/delete", s.h.RouterDeleteConfirm)
			r.Post("/routers/{id}/delete", s.h.RouterDelete)
			r.Post("/routers/{id}/demo", s.h.RouterDemo)

			// Custom IVRs of any target: assignments (one request per
			// changed type), unassign and the confirmation of deletes
			// (Dialpad's DELETE deletes the recording), upload, rename, copy to other
			// targets of the same kind, and demo mode's audio relay.
			r.Get("/ivrs/audio/{ivr_id}", s.h.IVRAudioProxy)
			r.Get("/ivrs/{target_type}/{target_id}", s.h.IVRPage)
			r.Post("/ivrs/{target_type}/{target_id}", s.h.IVRSave)
			r.Post("/ivrs/{target_type}/{target_id}/unassign", s.h.IVRUnassign)
			r.Post("/ivrs/{target_type}/{target_id}/delete", s.h.IVRDeleteConfirm)
			r.Get("/ivrs/{target_type}/{target_id}/upload", s.h.IVRUploadForm)
			r.Post("/ivrs/{target_type}/{target_id}/upload", s.h.IVRUpload)
			r.Get("/ivrs/{target_type}/{target_id}/recordings/{ivr_id}", s.h.IVRRenameForm)
			r.Post("/ivrs/{target_type}/{target_id}/recordings/{ivr_id}", s.h.IVRRename)
			r.Get("/ivrs/{target_type}/{target_id}/copy", s.h.IVRCopyForm)
			r.Post("/ivrs/{target_type}/{target_id}/copy", s.h.IVRCopyPreview)
			r.Post("/ivrs/{target_type}/{target_id}/copy/apply", s.h.IVRCopyApply)
		})
	})
	return r
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.h.RenderError(w, r, http.StatusMethodNotAllowed, "Not allowed",
		"This address does not accept that kind of request.")
}
