package dialpad

import (
	"context"
	"net/http"
)

// Departments lists departments, filtered by office and name.
func (c *Client) Departments(ctx context.Context, f ListFilter) ([]Department, error) {
	return list[Department](ctx, c, "/api/v2/departments", f.query(true))
}

// Department returns one department.
func (c *Client) Department(ctx context.Context, id ID) (*Department, error) {
	return getOne[Department](ctx, c, "/api/v2/departments/"+id.String())
}

// UpdateDepartment sends patch, marshalled as is, and returns the updated
// department.
func (c *Client) UpdateDepartment(ctx context.Context, id ID, patch any) (*Department, error) {
	return sendOne[Department](ctx, c, http.MethodPatch, "/api/v2/departments/"+id.String(), patch)
}
