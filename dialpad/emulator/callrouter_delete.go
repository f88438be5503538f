package emulator

import (
	"encoding/json"
	"net/http"
)

// deleteCallRouter is DELETE /api/v2/callrouters/{id}; the router's numbers
// go back to the company's reserve pool.
func (e *Emulator) deleteCallRouter(r *http.Request) (json.RawMessage, error) {
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
	if err := e.canWrite(requestUser(r), cr.OfficeID); err != nil {
		return nil, err
	}
	for _, num := range cr.PhoneNumbers {
		e.st.release(num)
	}
	e.st.routers.remove(id)
	return nil, nil
}
