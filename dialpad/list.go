package dialpad

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"net/url"
)

// ListFilter narrows a list. Zero values are not sent; each list sends only
// the filters its endpoint accepts.
type ListFilter struct {
	OfficeID   ID
	NameSearch string
}

// query returns the filter as query parameters; name_search only when the
// endpoint takes it.
func (f ListFilter) query(withName bool) url.Values {
	q := url.Values{}
	if f.OfficeID != 0 {
		q.Set("office_id", f.OfficeID.String())
	}
	if withName && f.NameSearch != "" {
		q.Set("name_search", f.NameSearch)
	}
	return q
}

// page is Dialpad's list envelope.
type page[T any] struct {
	Items  []T    `json:"items"`
	Cursor string `json:"cursor"`
}

// pageLimit is the limit every list request asks for: the spec's "List
// APIs support a limit and cursor parameter", and Dialpad refuses more
// than 100 (users: 400). Without it a page holds what the server chooses.
const pageLimit = "100"

// each yields every item of a list, fetching the next page with ?cursor=
// until the cursor is empty; every page asks for limit=100. An error is yielded once, last. A cursor seen
// before ends the list with an error: a server repeating itself would
// otherwise loop forever.
func each[T any](ctx context.Context, c *Client, path string, q url.Values) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		seen := map[string]bool{}
		cursor := ""
		for {
			pq := maps.Clone(q)
			if pq == nil {
				pq = url.Values{}
			}
			pq.Set("limit", pageLimit)
			if cursor != "" {
				pq.Set("cursor", cursor)
			}
			var p page[T]
			if err := c.get(ctx, path, pq, &p); err != nil {
				yield(zero, err)
				return
			}
			for _, item := range p.Items {
				if !yield(item, nil) {
					return
				}
			}
			if p.Cursor == "" {
				return
			}
			if seen[p.Cursor] {
				yield(zero, fmt.Errorf("dialpad: GET %s: server repeated a cursor after %d pages", path, len(seen)+1))
				return
			}
			seen[p.Cursor] = true
			cursor = p.Cursor
		}
	}
}

// list collects every item of a list.
func list[T any](ctx context.Context, c *Client, path string, q url.Values) ([]T, error) {
	var items []T
	for item, err := range each[T](ctx, c, path, q) {
		if err != nil {
			return nil, err
		}
		items = append(items, item)
	}
	return items, nil
}
