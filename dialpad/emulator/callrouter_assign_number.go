package emulator

import (
	"encoding/json"
	"net/http"
	"slices"

	"switchboard/dialpad"
)

// assignCallRouterNumber is POST /api/v2/callrouters/{id}/assign_number: a
// number from the company's reserve pool, named or picked by area code.
// primary (default true, as in the spec) puts it first.
func (e *Emulator) assignCallRouterNumber(r *http.Request) (json.RawMessage, error) {
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
	if bodyErr != nil {
		return nil, bodyErr
	}
	s := schema{"number": rule{kind: kindString}, "area_code": rule{kind: kindString}, "primary": boolean()}
	if err := s.validate("", body); err != nil {
		return nil, err
	}
	in := dialpad.AssignNumber{Primary: true}
	if err := json.Unmarshal(mustMarshal(body), &in); err != nil {
		return nil, badRequest("%v", err)
	}

	var num *dialpad.Number
	switch {
	case in.Number != "":
		if !isE164(in.Number) {
			return nil, badRequest("number must be an E.164 number like +14155551234")
		}
		n, ok := e.st.numbers[in.Number]
		if !ok {
			return nil, badRequest("number %s is not in the company's reserve pool", in.Number)
		}
		if n.Status != "available" {
			return nil, badRequest("number %s is already assigned to %s %s", in.Number, n.TargetType, n.TargetID)
		}
		num = n
	case in.AreaCode != "":
		if num, ok = e.st.freeNumber(in.AreaCode); !ok {
			return nil, badRequest("area_code: no free number in area code %s", in.AreaCode)
		}
	default:
		return nil, badRequest("number or area_code is required")
	}

	e.st.takeNumber(num, cr.OfficeID, cr.ID, dialpad.TargetCallRouter, "call_router")
	if in.Primary {
		cr.PhoneNumbers = slices.Insert(slices.Clone(cr.PhoneNumbers), 0, num.Number)
	} else {
		cr.PhoneNumbers = append(slices.Clone(cr.PhoneNumbers), num.Number)
	}
	return toWire(*num), nil
}
