package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
)

// routes maps Dialpad's paths (as the spec names them) to handlers.
func (e *Emulator) routes() http.Handler {
	r := chi.NewRouter()
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeStatus(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path, 0)
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeStatus(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path, 0)
	})

	// OAuth2: consent page, token endpoint, revocation.
	r.Get("/oauth2/authorize", e.authorizePage)
	r.Post("/oauth2/authorize", e.authorizeDecision)
	r.Post("/oauth2/token", e.token)
	r.Post("/oauth2/deauthorize", e.deauthorize)

	// Emulator extension (real Dialpad has no such URL): audio of custom IVRs.
	r.Get("/emulator/ivrs/{id}/audio.mp3", e.ivrAudio)
	// Emulator extension: place simulated inbound calls on a call router.
	r.Post("/emulator/callrouters/{id}/calls", e.placeCalls)

	r.Route("/api/v2", func(r chi.Router) {
		r.Use(e.authenticate, e.limitCompany)

		// Users, company, offices: read only.
		r.Get("/users", e.api(e.listUsers))
		r.Get("/users/{id}", e.api(e.getUser))
		r.Get("/company", e.api(e.getCompany))
		r.Get("/offices", e.api(e.listOffices))
		r.Get("/offices/{id}", e.api(e.getOffice))

		// Call centers and departments: both "groups" (group.go).
		callCenters, departments := callCenterKind(), departmentKind()
		r.Get("/callcenters", e.api(listGroups(e, callCenters)))
		r.Get("/callcenters/{id}", e.api(getGroup(e, callCenters)))
		r.Patch("/callcenters/{id}", e.api(updateGroup(e, callCenters)))
		r.Get("/callcenters/{id}/status", e.api(e.callCenterStatus))
		r.Get("/departments", e.api(listGroups(e, departments)))
		r.Get("/departments/{id}", e.api(getGroup(e, departments)))
		r.Patch("/departments/{id}", e.api(updateGroup(e, departments)))

		// Call routers.
		r.Get("/callrouters", e.api(e.listCallRouters))
		r.Post("/callrouters", e.api(e.createCallRouter))
		r.Get("/callrouters/{id}", e.api(e.getCallRouter))
		r.Patch("/callrouters/{id}", e.api(e.updateCallRouter))
		r.Delete("/callrouters/{id}", e.api(e.deleteCallRouter))
		r.Post("/callrouters/{id}/assign_number", e.api(e.assignCallRouterNumber))

		// Custom IVRs.
		r.Get("/customivrs", e.api(e.listCustomIVRs))
		r.Post("/customivrs", e.api(e.createCustomIVR))
		r.Patch("/customivrs/{ivr_id}", e.api(e.updateCustomIVRDetails))
		r.Patch("/customivrs/{target_type}/{target_id}/{ivr_type}", e.api(e.assignCustomIVR))
		r.Delete("/customivrs/{target_type}/{target_id}/{ivr_type}", e.api(e.unassignCustomIVR))
	})
	return r
}

// apiFunc handles an API request: it returns the response body, already in
// wire form, or an error to answer with Dialpad's error body. A nil body is a
// 200 with no content.
type apiFunc func(r *http.Request) (json.RawMessage, error)

func (e *Emulator) api(fn apiFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := fn(r)
		if err != nil {
			writeError(w, err)
			return
		}
		if body == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
		writeJSON(w, http.StatusOK, body)
	}
}

// pathID reads an id path parameter; an id that does not parse names no
// resource, so it is a 404.
func pathID(r *http.Request, param, what string) (dialpad.ID, error) {
	s := chi.URLParam(r, param)
	id, err := dialpad.ParseID(s)
	if err != nil {
		return 0, notFound("%s %s not found", what, s)
	}
	return id, nil
}

// queryID reads an optional id query parameter (0 when absent).
func queryID(r *http.Request, param string) (dialpad.ID, error) {
	s := r.URL.Query().Get(param)
	if s == "" {
		return 0, nil
	}
	id, err := dialpad.ParseID(s)
	if err != nil {
		return 0, badRequest("%s must be an integer id", param)
	}
	return id, nil
}

// readBody reads a request body that must be a JSON object.
func readBody(r *http.Request) (map[string]json.RawMessage, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, badRequest("request body could not be read")
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, badRequest("request body must be a JSON object")
	}
	return decodeObject(b)
}

// requireFields answers 400 naming the first required field that is
// missing or null.
func requireFields(body map[string]json.RawMessage, fields ...string) error {
	for _, f := range fields {
		if v, ok := body[f]; !ok || isNull(v) {
			return badRequest("%s is required", f)
		}
	}
	return nil
}
