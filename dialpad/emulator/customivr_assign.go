package emulator

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
)

// ivrTarget is the target and IVR type named by a customivrs path.
type ivrTarget struct {
	targetType string
	targetID   dialpad.ID
	ivrType    string
}

func parseIVRTarget(r *http.Request) (ivrTarget, error) {
	t := ivrTarget{targetType: chi.URLParam(r, "target_type"), ivrType: chi.URLParam(r, "ivr_type")}
	if !slices.Contains(routerTargetTypes(), t.targetType) {
		return t, notFound("no target type %q", t.targetType)
	}
	if !slices.Contains(ivrTypes(), t.ivrType) {
		return t, notFound("no IVR type %q", t.ivrType)
	}
	id, err := pathID(r, "target_id", t.targetType)
	t.targetID = id
	return t, err
}

// assignCustomIVR is PATCH /api/v2/customivrs/{target_type}/{target_id}/{ivr_type}:
// select one of the target's IVRs of that type.
func (e *Emulator) assignCustomIVR(r *http.Request) (json.RawMessage, error) {
	t, err := parseIVRTarget(r)
	if err != nil {
		return nil, err
	}
	body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
	e.mu.Lock()
	defer e.mu.Unlock()
	ch, err := e.checkIVRChange(r, t, body, bodyErr)
	if err != nil {
		return nil, err
	}
	e.st.selectIVR(ch.ivr, ch.option)
	return toWire(e.st.ivrType(t.targetType, t.targetID, t.ivrType)), nil
}

// ivrChange is a checked assign or unassign request.
type ivrChange struct {
	ivr    *ivrRecord
	option string
}

// checkIVRChange checks an assign or unassign request: target, rights and
// body (ivr_id, select_option). The caller holds e.mu.
func (e *Emulator) checkIVRChange(r *http.Request, t ivrTarget, body map[string]json.RawMessage, bodyErr error) (ivrChange, error) {
	officeID, ok := e.st.ivrTargetOffice(t.targetType, t.targetID)
	if !ok {
		return ivrChange{}, notFound("%s %s not found", t.targetType, t.targetID)
	}
	if err := e.canWrite(requestUser(r), officeID); err != nil {
		return ivrChange{}, err
	}
	if bodyErr != nil {
		return ivrChange{}, bodyErr
	}
	if err := requireFields(body, "ivr_id"); err != nil {
		return ivrChange{}, err
	}
	if err := customIVRAssignSchema().validate("", body); err != nil {
		return ivrChange{}, err
	}
	var in dialpad.AssignCustomIVR
	if err := json.Unmarshal(mustMarshal(body), &in); err != nil {
		return ivrChange{}, badRequest("%v", err)
	}
	if in.SelectOption != "" && (t.targetType != dialpad.TargetCallCenter || !isRecordingType(t.ivrType)) {
		return ivrChange{}, badRequest("select_option applies only to call recording IVRs of call centers")
	}
	v, ok := e.st.ivrs.get(in.IVRID)
	if !ok {
		return ivrChange{}, notFound("custom IVR %s not found", in.IVRID)
	}
	if v.targetType != t.targetType || v.targetID != t.targetID || v.ivrType != t.ivrType {
		return ivrChange{}, badRequest("ivr_id: IVR %s is not a %s IVR of %s %s", in.IVRID, t.ivrType, t.targetType, t.targetID)
	}
	return ivrChange{ivr: v, option: in.SelectOption}, nil
}
