// Package audit is the record of every write Switchboard sends: who, when,
// with which credential, to which resource, each field's old and new value,
// and what came of it. It holds the types and the interfaces; web/store
// keeps the rows.
package audit

import (
	"time"

	"switchboard/dialpad"
)

// Entry is one write, or one change to Switchboard's own grants.
type Entry struct {
	ID         int64 // assigned by the store; grows with time
	At         time.Time
	Actor      Actor
	Credential Credential
	Resource   Resource
	Changes    []Change
	Outcome    Outcome
}

// Actor is who asked for the change.
type Actor struct {
	Email string // as Dialpad knows them; "cli" for the command line
	Name  string // display name; the OS user for the command line
}

// Credential is what the write was sent with.
type Credential string

const (
	OwnToken   Credential = "own_token"   // the person's own OAuth token
	CompanyKey Credential = "company_key" // the company API key
	Local      Credential = "local"       // nothing sent to Dialpad: a change to Switchboard's grants
)

// Resource is what was changed.
type Resource struct {
	Kind     Kind
	ID       string // Dialpad's id, or the email of a grant
	Name     string // as shown at the time, so the record reads well after a rename or delete
	OfficeID dialpad.ID
}

// Kind names a kind of resource.
type Kind string

const (
	CallCenter Kind = "callcenter"
	Department Kind = "department"
	CallRouter Kind = "callrouter"
	CustomIVR  Kind = "customivr"
	Grant      Kind = "grant"
)

// Change is one field's old and new value, as text.
type Change struct {
	Field string // the Dialpad API field name (monday_hours, routing_url...)
	Old   string
	New   string
}

// Redacted stands in for both values of a secret field: that it changed is
// recorded, never what it was or became.
const Redacted = "changed"

// SecretChange records that a secret field (a router's signing secret)
// changed, without either value.
func SecretChange(field string) Change {
	return Change{Field: field, Old: Redacted, New: Redacted}
}

// Outcome is what came of the write.
type Outcome struct {
	Result  Result
	Status  int    // Dialpad's HTTP status when it refused; 0 otherwise
	Message string // Dialpad's message when it refused
}

// Result sorts outcomes.
type Result string

const (
	Applied Result = "applied" // Dialpad accepted it (or, for Local, it was saved)
	Refused Result = "refused" // Dialpad answered with an error
	Unknown Result = "unknown" // no answer came (timeout, connection lost): it may or may not have happened
)

// AppliedOutcome, RefusedOutcome and UnknownOutcome build the three outcomes.
func AppliedOutcome() Outcome { return Outcome{Result: Applied} }

// RefusedOutcome is Dialpad's refusal with its status and message.
func RefusedOutcome(status int, message string) Outcome {
	return Outcome{Result: Refused, Status: status, Message: message}
}

// UnknownOutcome is a write whose answer never came.
func UnknownOutcome(reason string) Outcome { return Outcome{Result: Unknown, Message: reason} }
