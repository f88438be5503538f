package emulator

import (
	"encoding/json"
	"net/http"

	"switchboard/dialpad"
)

// callCenterStatus is GET /api/v2/callcenters/{id}/status. Availability
// follows the hours in the center's zone; the operator and queue counts are
// plausible and derived from the id, so they stay stable between requests.
func (e *Emulator) callCenterStatus(r *http.Request) (json.RawMessage, error) {
	id, err := pathID(r, "id", "call center")
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	cc, err := findGroup(e, callCenterKind(), id)
	if err != nil {
		return nil, err
	}
	st := dialpad.CallCenterStatus{Availability: dialpad.Availability{Name: "Closed", Status: "closed"}}
	if availability(cc.WeekHours, cc.Timezone, e.now()) == "open" {
		n := int64(id)
		onDuty := 2 + n%9
		busy := n % (onDuty + 1)
		pending := (n / 7) % 5
		st = dialpad.CallCenterStatus{
			Availability:        dialpad.Availability{Name: "Open", Status: "open"},
			OnDutyOperators:     dialpad.Int(onDuty),
			Capacity:            dialpad.Int(onDuty - busy),
			Pending:             dialpad.Int(pending),
			LongestCallWaitTime: dialpad.Int(pending * 37),
		}
	}
	return toWire(st), nil
}
