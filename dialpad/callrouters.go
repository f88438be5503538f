package dialpad

import (
	"context"
	"net/http"
)

// CallRouters lists call routers; only f.OfficeID is sent (the endpoint has
// no name search).
func (c *Client) CallRouters(ctx context.Context, f ListFilter) ([]CallRouter, error) {
	return list[CallRouter](ctx, c, "/api/v2/callrouters", f.query(false))
}

// CallRouter returns one call router.
func (c *Client) CallRouter(ctx context.Context, id ID) (*CallRouter, error) {
	return getOne[CallRouter](ctx, c, "/api/v2/callrouters/"+id.String())
}

// CreateCallRouter creates a call router.
func (c *Client) CreateCallRouter(ctx context.Context, in CreateCallRouter) (*CallRouter, error) {
	return sendOne[CallRouter](ctx, c, http.MethodPost, "/api/v2/callrouters", in)
}

// UpdateCallRouter sends patch, marshalled as is. Dialpad allows one PATCH
// per router every 5 minutes; a second one answers 429 (ErrRateLimited).
func (c *Client) UpdateCallRouter(ctx context.Context, id ID, patch any) (*CallRouter, error) {
	return sendOne[CallRouter](ctx, c, http.MethodPatch, "/api/v2/callrouters/"+id.String(), patch)
}

// DeleteCallRouter deletes a call router.
func (c *Client) DeleteCallRouter(ctx context.Context, id ID) error {
	return c.send(ctx, http.MethodDelete, "/api/v2/callrouters/"+id.String(), nil, nil)
}

// AssignCallRouterNumber assigns a number (or one from an area code) to a
// call router.
func (c *Client) AssignCallRouterNumber(ctx context.Context, id ID, in AssignNumber) (*Number, error) {
	return sendOne[Number](ctx, c, http.MethodPost, "/api/v2/callrouters/"+id.String()+"/assign_number", in)
}
