package dialpad

import "context"

// Offices lists the company's offices.
func (c *Client) Offices(ctx context.Context) ([]Office, error) {
	return list[Office](ctx, c, "/api/v2/offices", nil)
}

// Office returns one office.
func (c *Client) Office(ctx context.Context, id ID) (*Office, error) {
	return getOne[Office](ctx, c, "/api/v2/offices/"+id.String())
}
