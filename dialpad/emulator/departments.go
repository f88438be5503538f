package emulator

import (
	"encoding/json"
	"net/http"
	"strings"

	"switchboard/dialpad"
)

// listDepartments is GET /api/v2/departments, filtered by office_id and
// name_search (a case-insensitive substring of the name).
func (e *Emulator) listDepartments(r *http.Request) (json.RawMessage, error) {
	officeID, err := queryID(r, "office_id")
	if err != nil {
		return nil, err
	}
	search := strings.ToLower(r.URL.Query().Get("name_search"))
	e.mu.Lock()
	defer e.mu.Unlock()
	var found []*dialpad.Department
	for _, d := range e.st.departments.all() {
		if officeID != 0 && d.OfficeID != officeID {
			continue
		}
		if search != "" && !strings.Contains(strings.ToLower(d.Name), search) {
			continue
		}
		found = append(found, d)
	}
	page, err := paginate(found, r.URL.Query().Get("cursor"), e.opts.PageSize, e.wireDepartment)
	if err != nil {
		return nil, err
	}
	return mustMarshal(page), nil
}

// getDepartment is GET /api/v2/departments/{id}.
func (e *Emulator) getDepartment(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "department")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	d, ok := e.st.departments.get(id)
	if !ok {
		return nil, notFound("department %s not found", id)
	}
	return e.wireDepartment(d), nil
}

func (e *Emulator) wireDepartment(d *dialpad.Department) json.RawMessage {
	v := *d
	v.AvailabilityStatus = availability(v.WeekHours, v.Timezone, e.now())
	return toWire(v)
}

// MutateDepartment changes a department as if someone did it elsewhere.
func (e *Emulator) MutateDepartment(id dialpad.ID, fn func(*dialpad.Department)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	d, ok := e.st.departments.get(id)
	if !ok {
		return notFound("department %s not found", id)
	}
	v := clone(*d)
	fn(&v)
	v.ID = id
	*d = v
	return nil
}
