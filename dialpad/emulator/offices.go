package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// listOffices is GET /api/v2/offices.
func (e *Emulator) listOffices(r *http.Request) (json.RawMessage, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	page, err := paginate(e.st.offices.all(), r.URL.Query(), e.opts.PageSize, e.wireOffice)
	if err != nil {
		return nil, err
	}
	return mustMarshal(page), nil
}

// getOffice is GET /api/v2/offices/{id}.
func (e *Emulator) getOffice(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "office")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	o, ok := e.st.offices.get(id)
	if !ok {
		return nil, notFound("office %s not found", id)
	}
	return e.wireOffice(o), nil
}

// wireOffice renders an office with its availability at the emulator's now.
// The spec's OfficeProto has no hours_on (an office's hours always apply),
// so the stored model's is not sent.
func (e *Emulator) wireOffice(o *dialpad.Office) json.RawMessage {
	v := *o
	v.AvailabilityStatus = availability(v.WeekHours, v.Timezone, e.now())
	return toWire(v, "hours_on")
}
