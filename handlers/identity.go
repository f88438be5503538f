package handlers

import (
	"context"

	"switchboard/dialpad"
)

// Identity is the signed-in person and a Dialpad client acting as them. web's
// auth middleware puts it in the request context; handlers read it with
// IdentityFrom.
type Identity struct {
	User   dialpad.User
	Client *dialpad.Client
}

type identityKey struct{}

// WithIdentity returns ctx carrying id.
func WithIdentity(ctx context.Context, id *Identity) context.Context {
	return context.WithValue(ctx, identityKey{}, id)
}

// IdentityFrom returns the signed-in person, or nil when nobody is.
func IdentityFrom(ctx context.Context) *Identity {
	id, _ := ctx.Value(identityKey{}).(*Identity)
	return id
}

// Role names the person's rights in plain words for the page header.
func (id *Identity) Role() string {
	switch {
	case id == nil:
		return ""
	case id.User.IsSuperAdmin:
		return "Company admin"
	case len(id.User.AdminOfficeIDs) > 0:
		return "Office admin"
	default:
		return "Read-only"
	}
}
