package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// listCallRouters is GET /api/v2/callrouters, filtered by office_id.
func (e *Emulator) listCallRouters(r *http.Request) (json.RawMessage, error) {
	officeID, err := queryID(r, "office_id")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	var found []*routerRecord
	for _, cr := range e.st.routers.all() {
		if officeID == 0 || cr.OfficeID == officeID {
			found = append(found, cr)
		}
	}
	page, err := paginate(found, r.URL.Query(), e.opts.PageSize, wireRouter)
	if err != nil {
		return nil, err
	}
	return mustMarshal(page), nil
}

// getCallRouter is GET /api/v2/callrouters/{id}.
func (e *Emulator) getCallRouter(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "call router")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	cr, ok := e.st.routers.get(id)
	if !ok {
		return nil, notFound("call router %s not found", id)
	}
	return wireRouter(cr), nil
}

// routerView is how a router goes on the wire: the signature tells whether
// a secret is set ({"algo":"HS256","type":"jwt"}) or not ({}), and never
// carries the secret itself.
type routerView struct {
	dialpad.CallRouter
	Signature signatureView `json:"signature"`
}

type signatureView struct {
	Algo string `json:"algo,omitempty"`
	Type string `json:"type,omitempty"`
}

func wireRouter(cr *routerRecord) json.RawMessage {
	v := routerView{CallRouter: cr.CallRouter}
	if cr.secret != "" {
		v.Signature = signatureView{Algo: "HS256", Type: "jwt"}
	}
	return toWire(v)
}

// MutateCallRouter changes a call router as if someone did it elsewhere. A
// Signature with a Secret sets the router's secret.
func (e *Emulator) MutateCallRouter(id dialpad.ID, fn func(*dialpad.CallRouter)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	cr, ok := e.st.routers.get(id)
	if !ok {
		return notFound("call router %s not found", id)
	}
	v := clone(cr.CallRouter)
	fn(&v)
	if v.Signature != nil && v.Signature.Secret != "" {
		cr.secret = v.Signature.Secret
	}
	v.ID, v.Signature = id, nil
	cr.CallRouter = v
	return nil
}

// targetExists tells whether a routing target of the given type exists.
// The caller holds e.mu.
func (s *store) targetExists(targetType string, id dialpad.ID) bool {
	var ok bool
	switch targetType {
	case dialpad.TargetCallCenter:
		_, ok = s.callCenters.get(id)
	case dialpad.TargetDepartment:
		_, ok = s.departments.get(id)
	case dialpad.TargetOffice:
		_, ok = s.offices.get(id)
	case dialpad.TargetUser:
		_, ok = s.users.get(id)
	case dialpad.TargetCallRouter:
		_, ok = s.routers.get(id)
	}
	return ok
}
