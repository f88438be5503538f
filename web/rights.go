package web

import (
	"context"

	"switchboard/dialpad"
	"switchboard/handlers/access"
)

// accessMode is how this console talks to Dialpad, from configuration.
func (s *Server) accessMode() access.Mode {
	if s.cfg.CompanyKeyMode() {
		return access.CompanyKey
	}
	return access.OwnTokens
}

// rightsOf resolves what user may do from the grants held now, on every
// request, so a grant or revoke takes effect on the person's next click.
func (s *Server) rightsOf(ctx context.Context, user dialpad.User) (access.Rights, error) {
	var grants []access.Grant
	if s.h.Grants != nil {
		var err error
		if grants, err = s.h.Grants.For(ctx, access.Emails(user)...); err != nil {
			return access.Rights{}, err
		}
	}
	return access.Resolve(s.h.Mode, user, grants), nil
}
