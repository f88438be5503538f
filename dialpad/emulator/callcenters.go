package emulator

import (
	"encoding/json"
	"net/http"
	"strings"

	"switchboard/dialpad"
)

// listCallCenters is GET /api/v2/callcenters, filtered by office_id and
// name_search (a case-insensitive substring of the name).
func (e *Emulator) listCallCenters(r *http.Request) (json.RawMessage, error) {
	officeID, err := queryID(r, "office_id")
	if err != nil {
		return nil, err
	}
	search := strings.ToLower(r.URL.Query().Get("name_search"))
	e.mu.Lock()
	defer e.mu.Unlock()
	var found []*dialpad.CallCenter
	for _, cc := range e.st.callCenters.all() {
		if officeID != 0 && cc.OfficeID != officeID {
			continue
		}
		if search != "" && !strings.Contains(strings.ToLower(cc.Name), search) {
			continue
		}
		found = append(found, cc)
	}
	page, err := paginate(found, r.URL.Query().Get("cursor"), e.opts.PageSize, e.wireCallCenter)
	if err != nil {
		return nil, err
	}
	return mustMarshal(page), nil
}

// getCallCenter is GET /api/v2/callcenters/{id}.
func (e *Emulator) getCallCenter(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "call center")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	cc, ok := e.st.callCenters.get(id)
	if !ok {
		return nil, notFound("call center %s not found", id)
	}
	return e.wireCallCenter(cc), nil
}

// wireCallCenter renders a call center with its availability at the
// emulator's now.
func (e *Emulator) wireCallCenter(cc *dialpad.CallCenter) json.RawMessage {
	v := *cc
	v.AvailabilityStatus = availability(v.WeekHours, v.Timezone, e.now())
	return toWire(v)
}

// MutateCallCenter changes a call center as if someone did it elsewhere
// (in Dialpad's own admin app), for tests of conflicting edits.
func (e *Emulator) MutateCallCenter(id dialpad.ID, fn func(*dialpad.CallCenter)) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	cc, ok := e.st.callCenters.get(id)
	if !ok {
		return notFound("call center %s not found", id)
	}
	v := clone(*cc)
	fn(&v)
	v.ID = id
	*cc = v
	return nil
}
