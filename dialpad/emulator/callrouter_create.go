package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// createCallRouter is POST /api/v2/callrouters.
func (e *Emulator) createCallRouter(r *http.Request) (json.RawMessage, error) {
	body, err := readBody(r)
	if err != nil {
		return nil, err
	}
	if err := requireFields(body, routerCreateRequired()...); err != nil {
		return nil, err
	}
	if err := routerCreateSchema().validate("", body); err != nil {
		return nil, err
	}
	in := dialpad.CreateCallRouter{Enabled: true} // the spec's default when enabled is not sent
	if err := json.Unmarshal(mustMarshal(body), &in); err != nil {
		return nil, badRequest("%v", err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.st.offices.get(in.OfficeID); !ok {
		return nil, badRequest("office_id: office %s not found", in.OfficeID)
	}
	if err := e.canWrite(requestUser(r), in.OfficeID); err != nil {
		return nil, err
	}
	if !e.st.targetExists(in.DefaultTargetType, in.DefaultTargetID) {
		return nil, badRequest("default_target_id: no %s with id %s", in.DefaultTargetType, in.DefaultTargetID)
	}
	cr := &routerRecord{
		CallRouter: dialpad.CallRouter{
			ID:                e.st.ids.next(),
			Name:              in.Name,
			OfficeID:          in.OfficeID,
			RoutingURL:        in.RoutingURL,
			DefaultTargetID:   in.DefaultTargetID,
			DefaultTargetType: in.DefaultTargetType,
			Enabled:           in.Enabled,
			PhoneNumbers:      []string{},
		},
		secret: in.Secret,
	}
	e.st.routers.add(cr.ID, cr)
	return wireRouter(cr), nil
}
