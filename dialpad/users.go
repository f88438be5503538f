package dialpad

import "context"

// Me returns the user the token belongs to.
func (c *Client) Me(ctx context.Context) (*User, error) {
	return getOne[User](ctx, c, "/api/v2/users/me")
}

// User returns one user.
func (c *Client) User(ctx context.Context, id ID) (*User, error) {
	return getOne[User](ctx, c, "/api/v2/users/"+id.String())
}

// Users lists users; only f.OfficeID is sent.
func (c *Client) Users(ctx context.Context, f ListFilter) ([]User, error) {
	return list[User](ctx, c, "/api/v2/users", f.query(false))
}
