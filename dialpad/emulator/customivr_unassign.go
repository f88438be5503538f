package emulator

import (
	"encoding/json"
	"net/http"
)

// unassignCustomIVR is DELETE /api/v2/customivrs/{target_type}/{target_id}/{ivr_type}
// with {"ivr_id": ...} in the body, as the spec has it: the IVR is no longer
// selected and the target falls back to Dialpad's default for that type.
// The IVR itself stays available for later assignment.
func (e *Emulator) unassignCustomIVR(r *http.Request) (json.RawMessage, error) {
	t, err := parseIVRTarget(r)
	if err != nil {
		return nil, err
	}
	body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
	e.mu.Lock()
	defer e.mu.Unlock()
	v, err := e.checkIVRChange(r, t, body, bodyErr)
	if err != nil {
		return nil, err
	}
	if v.option != "outbound" {
		v.ivr.selectedIn = false
	}
	if v.option != "inbound" {
		v.ivr.selectedOut = false
	}
	return toWire(v.ivr.details()), nil
}
