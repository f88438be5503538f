package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// routerPatchInterval is Dialpad's limit on PATCH /callrouters/{id}: one per
// five minutes per router.
const routerPatchInterval = 5 * time.Minute

// updateCallRouter is PATCH /api/v2/callrouters/{id}. Only accepted
// requests spend the router's one-per-five-minutes allowance.
func (e *Emulator) updateCallRouter(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "call router")
	if err != nil {
		return nil, err
	}
	body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
	e.mu.Lock()
	defer e.mu.Unlock()
	cr, ok := e.st.routers.get(id)
	if !ok {
		return nil, notFound("call router %s not found", id)
	}
	if err := e.canWrite(requestUser(r), cr.OfficeID); err != nil {
		return nil, err
	}
	now := e.now()
	if !cr.lastPatch.IsZero() {
		if wait := cr.lastPatch.Add(routerPatchInterval).Sub(now); wait > 0 {
			return nil, rateLimited(fmt.Sprintf("call router %s may be updated once every 5 minutes", id), wait)
		}
	}
	if bodyErr != nil {
		return nil, bodyErr
	}
	if err := routerUpdateSchema().validate("", body); err != nil {
		return nil, err
	}
	var extra struct {
		Secret          *string `json:"secret"`
		ResetErrorCount *bool   `json:"reset_error_count"`
	}
	if err := json.Unmarshal(mustMarshal(body), &extra); err != nil {
		return nil, badRequest("%v", err)
	}
	delete(body, "secret")
	delete(body, "reset_error_count")

	next := cr.CallRouter
	if err := applyPatch(&next, body); err != nil {
		return nil, err
	}
	if next.OfficeID != cr.OfficeID {
		if _, ok := e.st.offices.get(next.OfficeID); !ok {
			return nil, badRequest("office_id: office %s not found", next.OfficeID)
		}
		if err := e.canWrite(requestUser(r), next.OfficeID); err != nil {
			return nil, err
		}
	}
	_, newID := body["default_target_id"]
	_, newType := body["default_target_type"]
	if (newID || newType) && !e.st.targetExists(next.DefaultTargetType, next.DefaultTargetID) {
		return nil, badRequest("default_target_id: no %s with id %s", next.DefaultTargetType, next.DefaultTargetID)
	}

	cr.CallRouter = next
	if extra.Secret != nil {
		cr.secret = *extra.Secret
	}
	if extra.ResetErrorCount != nil && *extra.ResetErrorCount {
		cr.errors = nil
	}
	cr.lastPatch = now
	return wireRouter(cr), nil
}
