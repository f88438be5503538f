package dialpad

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

// ReadCache keeps GET answers for a while and shares identical reads
// under way. key names the read (path and query); fresh asks for a new
// read, kept for those after. The caller scopes the keys (whose data).
type ReadCache interface {
	Read(ctx context.Context, key string, fresh bool, load func(context.Context) ([]byte, error)) ([]byte, error)
}

// WithReadCache answers GETs through rc. Writes never go through it.
func WithReadCache(rc ReadCache) Option {
	return func(s *settings) { s.cache = rc }
}

type freshKey struct{}

// WithFreshReads makes the reads made with ctx go to Dialpad, past the
// cache: a save's read before it writes, a Refresh.
func WithFreshReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, freshKey{}, true)
}

func freshReads(ctx context.Context) bool {
	f, _ := ctx.Value(freshKey{}).(bool)
	return f
}

// cachedGet is get through the read cache: the raw answer is kept, and
// each caller decodes its own copy.
func (c *Client) cachedGet(ctx context.Context, path string, q url.Values, out any) error {
	key := path
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	body, err := c.cache.Read(ctx, key, freshReads(ctx), func(ctx context.Context) ([]byte, error) {
		var raw json.RawMessage
		err := c.do(ctx, http.MethodGet, path, q, nil, &raw)
		return raw, err
	})
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("dialpad: GET %s: decoding response: %w", path, err)
	}
	return nil
}
