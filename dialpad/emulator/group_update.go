package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// updateGroup is PATCH /api/v2/callcenters/{id} and
// /api/v2/departments/{id}: a partial update checked against the spec's
// UpdateCallCenterMessage or UpdateDepartmentMessage. Both need a company
// admin, whatever office the group is in.
func updateGroup[T any](e *Emulator, k groupKind[T]) apiFunc {
	return func(r *http.Request) (json.RawMessage, error) {
		id, err := pathID(r, "id", k.noun)
		if err != nil {
			return nil, err
		}
		body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
		e.mu.Lock()
		defer e.mu.Unlock()
		g, err := findGroup(e, k, id)
		if err != nil {
			return nil, err
		}
		if err := e.requireCompanyAdmin(requestUser(r)); err != nil {
			return nil, err
		}
		if bodyErr != nil {
			return nil, bodyErr
		}
		if err := k.schema().validate("", body); err != nil {
			return nil, err
		}
		if err := applyPatch(g, body); err != nil {
			return nil, err
		}
		return wireGroup(e, k, g), nil
	}
}

// mutateGroup changes a group as if someone did it elsewhere (in Dialpad's
// own admin app). fn works on a deep copy, so it cannot keep references
// into the store, and cannot change the id.
func mutateGroup[T any](e *Emulator, k groupKind[T], id dialpad.ID, fn func(*T)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	g, err := findGroup(e, k, id)
	if err != nil {
		return err
	}
	v := clone(*g)
	fn(&v)
	*k.fields(&v).id = id
	*g = v
	return nil
}
