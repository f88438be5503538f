package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// getCompany is GET /api/v2/company, for company admins only.
func (e *Emulator) getCompany(r *http.Request) (json.RawMessage, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := e.requireCompanyAdmin(requestUser(r)); err != nil {
		return nil, err
	}
	c := e.st.company
	c.OfficeCount = dialpad.Int(len(e.st.offices.order))
	return toWire(c), nil
}
