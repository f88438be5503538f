package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// updateCustomIVRDetails is PATCH /api/v2/customivrs/{ivr_id}: rename or
// describe an IVR.
func (e *Emulator) updateCustomIVRDetails(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "ivr_id", "custom IVR")
	if err != nil {
		return nil, err
	}
	body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
	e.mu.Lock()
	defer e.mu.Unlock()
	v, ok := e.st.ivrs.get(id)
	if !ok {
		return nil, notFound("custom IVR %s not found", id)
	}
	officeID, _ := e.st.ivrTargetOffice(v.targetType, v.targetID)
	if err := e.canWrite(requestUser(r), officeID); err != nil {
		return nil, err
	}
	if bodyErr != nil {
		return nil, bodyErr
	}
	if err := customIVRDetailsSchema().validate("", body); err != nil {
		return nil, err
	}
	var in dialpad.UpdateCustomIVRDetails
	if err := json.Unmarshal(mustMarshal(body), &in); err != nil {
		return nil, badRequest("%v", err)
	}
	if in.Name != nil {
		v.Name = *in.Name
	}
	if in.Description != nil {
		v.Description = *in.Description
	}
	return toWire(v.details()), nil
}
