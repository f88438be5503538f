package emulator

import (
	"encoding/json"
	"net/http"
)

// updateCallCenter is PATCH /api/v2/callcenters/{id}: a partial update
// checked against the spec's UpdateCallCenterMessage.
func (e *Emulator) updateCallCenter(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "call center")
	if err != nil {
		return nil, err
	}
	body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
	e.mu.Lock()
	defer e.mu.Unlock()
	cc, ok := e.st.callCenters.get(id)
	if !ok {
		return nil, notFound("call center %s not found", id)
	}
	if err := e.canWrite(requestUser(r), cc.OfficeID); err != nil {
		return nil, err
	}
	if bodyErr != nil {
		return nil, bodyErr
	}
	if err := callCenterPatchSchema().validate("", body); err != nil {
		return nil, err
	}
	if err := applyPatch(cc, body); err != nil {
		return nil, err
	}
	return e.wireCallCenter(cc), nil
}
