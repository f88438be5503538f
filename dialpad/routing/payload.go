package routing

import (
	"time"

	"switchboard/dialpad"
)

// Payload is the request Dialpad sends to a routing URL.
type Payload struct {
	DateStarted    int64      `json:"date_started"` // Unix ms
	CallID         dialpad.ID `json:"call_id"`
	ExternalNumber string     `json:"external_number"` // the caller, E.164
	InternalNumber string     `json:"internal_number"` // the router's number that was dialled, E.164
	ContactID      string     `json:"contact_id"`
	ContactType    string     `json:"contact_type"`
}

// Sample caller details. 555-01xx numbers are reserved for fiction, so a test
// call can never be mistaken for a real customer.
const (
	sampleExternalNumber = "+14155550123"
	sampleContactID      = "5107385372917760"
	sampleContactType    = "shared"
)

// SamplePayload is a realistic test call to internalNumber started at now.
// The call id is derived from now: it looks like Dialpad's 16-digit ids, two
// test calls rarely share one, and the same instant gives the same payload.
func SamplePayload(now time.Time, internalNumber string) Payload {
	return Payload{
		DateStarted:    now.UnixMilli(),
		CallID:         dialpad.ID(now.UnixMicro()),
		ExternalNumber: sampleExternalNumber,
		InternalNumber: internalNumber,
		ContactID:      sampleContactID,
		ContactType:    sampleContactType,
	}
}
