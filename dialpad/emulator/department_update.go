package emulator

import (
	"encoding/json"
	"net/http"
)

// updateDepartment is PATCH /api/v2/departments/{id}: a partial update
// checked against the spec's UpdateDepartmentMessage.
func (e *Emulator) updateDepartment(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "department")
	if err != nil {
		return nil, err
	}
	body, bodyErr := readBody(r) // a bad body is answered after 404 and 403
	e.mu.Lock()
	defer e.mu.Unlock()
	d, ok := e.st.departments.get(id)
	if !ok {
		return nil, notFound("department %s not found", id)
	}
	if err := e.canWrite(requestUser(r), d.OfficeID); err != nil {
		return nil, err
	}
	if bodyErr != nil {
		return nil, bodyErr
	}
	if err := departmentPatchSchema().validate("", body); err != nil {
		return nil, err
	}
	if err := applyPatch(d, body); err != nil {
		return nil, err
	}
	return e.wireDepartment(d), nil
}
