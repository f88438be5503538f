package emulator

import (
	"encoding/json"
	"net/http"
)

// unassignCustomIVR is DELETE /api/v2/customivrs/{target_type}/{target_id}/{ivr_type}
// with {"ivr_id": ...} in the body. The spec calls it "Delete and un-assign
// an Ivr from a target": the recording is deleted, so the target falls back
// to Dialpad's default for that type and the IVR is gone from every list,
// its audio and its details. The spec does not say what select_option does
// on a delete; the stricter reading is that a deleted recording plays in
// neither direction, so it is deleted whatever the option says.
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
	v.ivr.selectedIn, v.ivr.selectedOut = false, false
	e.st.ivrs.remove(v.ivr.ID)
	return toWire(v.ivr.details()), nil
}
