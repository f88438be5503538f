package dialpad

import (
	"context"
	"net/http"
)

// CallCenters lists call centers, filtered by office and name.
func (c *Client) CallCenters(ctx context.Context, f ListFilter) ([]CallCenter, error) {
	return list[CallCenter](ctx, c, "/api/v2/callcenters", f.query(true))
}

// CallCenter returns one call center.
func (c *Client) CallCenter(ctx context.Context, id ID) (*CallCenter, error) {
	return getOne[CallCenter](ctx, c, "/api/v2/callcenters/"+id.String())
}

// CallCenterStatus returns the live status (open/closed, queue) of a call
// center.
func (c *Client) CallCenterStatus(ctx context.Context, id ID) (*CallCenterStatus, error) {
	return getOne[CallCenterStatus](ctx, c, "/api/v2/callcenters/"+id.String()+"/status")
}

// UpdateCallCenter sends patch, marshalled as is, and returns the updated
// call center.
func (c *Client) UpdateCallCenter(ctx context.Context, id ID, patch any) (*CallCenter, error) {
	return sendOne[CallCenter](ctx, c, http.MethodPatch, "/api/v2/callcenters/"+id.String(), patch)
}
