package dialpad

import "context"

// Company returns the company of the token's user.
func (c *Client) Company(ctx context.Context) (*Company, error) {
	return getOne[Company](ctx, c, "/api/v2/company")
}
