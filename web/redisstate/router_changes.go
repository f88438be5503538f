package redisstate

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"switchboard/dialpad"
)

// RouterWindows shares, per call router, the earliest moment Dialpad will
// accept its next change (one per five minutes, or a 429's Retry-After),
// so an instance knows about a change another one made. Each is a key
// holding that moment in Unix milliseconds, expiring when it passes.
type RouterWindows struct {
	rdb *redis.Client
}

// NewRouterWindows keeps the routers' windows in rdb.
func NewRouterWindows(rdb *redis.Client) *RouterWindows { return &RouterWindows{rdb: rdb} }

// laterScript keeps the later of the stored moment and ARGV[1], so two
// instances recording at once never shorten a wait.
var laterScript = redis.NewScript(`
local cur = tonumber(redis.call("GET", KEYS[1]) or "0")
if tonumber(ARGV[1]) > cur then
	redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2])
end
return 0`)

func routerKey(id dialpad.ID) string { return keyPrefix + "router:" + id.String() + ":next" }

// WaitUntil records that router id may not change before until.
func (w *RouterWindows) WaitUntil(ctx context.Context, id dialpad.ID, until, now time.Time) error {
	ttl := until.Sub(now).Milliseconds()
	if ttl <= 0 {
		return nil
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	return laterScript.Run(ctx, w.rdb, []string{routerKey(id)}, until.UnixMilli(), ttl).Err()
}

// NextChange is the recorded moment for router id, and false when none is
// recorded.
func (w *RouterWindows) NextChange(ctx context.Context, id dialpad.ID) (time.Time, bool, error) {
	ctx, cancel := bounded(ctx)
	defer cancel()
	v, err := w.rdb.Get(ctx, routerKey(id)).Result()
	if errors.Is(err, redis.Nil) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, false, err
	}
	return time.UnixMilli(ms), true, nil
}
