package emulator

import (
	"encoding/json"
	"net/http"
	"slices"

	"switchboard/dialpad"
)

// listCustomIVRs is GET /api/v2/customivrs?target_type=&target_id=: every
// IVR type of the target that has IVRs, with its IVRs and which one is
// selected.
func (e *Emulator) listCustomIVRs(r *http.Request) (json.RawMessage, error) {
	q := r.URL.Query()
	targetType := q.Get("target_type")
	if targetType == "" {
		return nil, badRequest("target_type is required")
	}
	if !slices.Contains(routerTargetTypes(), targetType) {
		return nil, badRequest("target_type must be one of %v", routerTargetTypes())
	}
	if q.Get("target_id") == "" {
		return nil, badRequest("target_id is required")
	}
	targetID, err := queryID(r, "target_id")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.st.ivrTargetOffice(targetType, targetID); !ok {
		return nil, notFound("%s %s not found", targetType, targetID)
	}
	var types []string
	for _, v := range e.st.ivrs.all() {
		if v.targetType == targetType && v.targetID == targetID && !slices.Contains(types, v.ivrType) {
			types = append(types, v.ivrType)
		}
	}
	slices.Sort(types)
	page, err := paginate(types, q, e.opts.PageSize, func(t string) json.RawMessage {
		return toWire(e.st.ivrType(targetType, targetID, t))
	})
	if err != nil {
		return nil, err
	}
	return mustMarshal(page), nil
}

// ivrType collects the IVRs of one type of a target. The caller holds e.mu.
func (s *store) ivrType(targetType string, targetID dialpad.ID, ivrType string) dialpad.CustomIVRType {
	out := dialpad.CustomIVRType{IVRType: ivrType, IVRs: []dialpad.CustomIVR{}}
	for _, v := range s.ivrsOf(targetType, targetID, ivrType) {
		out.IVRs = append(out.IVRs, v.details())
	}
	return out
}

func (s *store) ivrsOf(targetType string, targetID dialpad.ID, ivrType string) []*ivrRecord {
	var out []*ivrRecord
	for _, v := range s.ivrs.all() {
		if v.targetType == targetType && v.targetID == targetID && v.ivrType == ivrType {
			out = append(out, v)
		}
	}
	return out
}

// details is the IVR as the spec's CustomIvrDetailsProto.
func (v *ivrRecord) details() dialpad.CustomIVR {
	d := v.CustomIVR
	d.Selected = v.selected()
	return d
}

// ivrTargetOffice finds the office holding an IVR target, for existence
// and write checks. The caller holds e.mu.
func (s *store) ivrTargetOffice(targetType string, id dialpad.ID) (dialpad.ID, bool) {
	switch targetType {
	case dialpad.TargetCallCenter:
		if cc, ok := s.callCenters.get(id); ok {
			return cc.OfficeID, true
		}
	case dialpad.TargetDepartment:
		if d, ok := s.departments.get(id); ok {
			return d.OfficeID, true
		}
	case dialpad.TargetOffice:
		if _, ok := s.offices.get(id); ok {
			return id, true
		}
	case dialpad.TargetUser:
		return s.userOffice(id)
	case dialpad.TargetCallRouter:
		// The spec lists, assigns and unassigns a router's IVRs, though it
		// takes no uploads for routers (see customIVRCreateSchema).
		if cr, ok := s.routers.get(id); ok {
			return cr.OfficeID, true
		}
	}
	return 0, false
}

// selectIVR makes chosen the selected IVR of its target and type; option
// "inbound" or "outbound" selects for that direction only.
func (s *store) selectIVR(chosen *ivrRecord, option string) {
	for _, v := range s.ivrsOf(chosen.targetType, chosen.targetID, chosen.ivrType) {
		if option != "outbound" {
			v.selectedIn = v == chosen
		}
		if option != "inbound" {
			v.selectedOut = v == chosen
		}
	}
}
