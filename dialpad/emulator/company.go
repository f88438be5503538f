package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// getCompany is GET /api/v2/company.
func (e *Emulator) getCompany(r *http.Request) (json.RawMessage, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	c := e.st.company
	c.OfficeCount = dialpad.Int(len(e.st.offices.order))
	return toWire(c), nil
}
