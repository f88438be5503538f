package handlers

import (
	"switchboard/handlers/access"
	"switchboard/handlers/audit"

	"context"

	"switchboard/dialpad"
)

// Identity is the signed-in person and a Dialpad client acting as them. web's
// auth middleware puts it in the request context; handlers read it with
// IdentityFrom.
type Identity struct {
	User   dialpad.User
	Client *dialpad.Client
	// Rights are what Switchboard lets this person do, resolved on every
	// request from their grants (and, with own tokens, their Dialpad
	// rights), so a revoke takes effect at once.
	Rights access.Rights
	// Credential is whose credential Client carries, for the audit trail.
	Credential audit.Credential
}

type identityKey struct{}

// WithIdentity returns ctx carrying who, the signed-in person.
func WithIdentity(ctx context.Context, who *Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, who)
}

// IdentityFrom returns the signed-in person, or nil when nobody is.
func IdentityFrom(ctx context.Context) *Identity {
	who, _ := ctx.Value(identityKey{}).(*Identity)
	return who
}

// Role names the person's Switchboard role in plain words for the page
// header.
func (who *Identity) Role() string {
	if who == nil {
		return ""
	}
	return who.Rights.Role().Label()
}
