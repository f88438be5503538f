// Package redisstate keeps the state several console instances must share
// in Redis: token renewal locks, Dialpad's per-company budget, the call
// routers' change windows and which cached reads a write dropped. Each
// piece satisfies the same small interface as its in-process counterpart
// (in web, handlers, dialpad and dialpad/cache), so main picks one from
// configuration and nothing else changes.
package redisstate

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// keyPrefix starts every key the console writes, so one Redis can serve
// other applications too.
const keyPrefix = "switchboard:"

// opTimeout bounds one Redis command: Redis answers in well under a
// millisecond, and a page must not hang on one that went away.
const opTimeout = time.Second

// Open connects to the Redis at rawURL (redis://[:password@]host:port/db
// or rediss://...) and checks that it answers. Errors never repeat the URL,
// which may hold a password.
func Open(ctx context.Context, rawURL string) (*redis.Client, error) {
	opts, err := redis.ParseURL(rawURL)
	if err != nil {
		return nil, errors.New("redisstate: the Redis URL is not redis://host:port/db")
	}
	opts.DialTimeout, opts.ReadTimeout, opts.WriteTimeout = opTimeout, opTimeout, opTimeout
	// Fail fast while Redis is away; the client reconnects by itself when it
	// is back, so no restart is needed.
	opts.MaxRetries, opts.DialerRetries = 1, 1
	rdb := redis.NewClient(opts)
	if err := Ping(ctx, rdb); err != nil {
		_ = rdb.Close()
		return nil, fmt.Errorf("redisstate: Redis at %s does not answer: %w", opts.Addr, err)
	}
	return rdb, nil
}

// Ping reports whether Redis answers now.
func Ping(ctx context.Context, rdb *redis.Client) error {
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	return rdb.Ping(ctx).Err()
}

// ValidURL reports whether rawURL is a Redis URL the client can use.
func ValidURL(rawURL string) bool {
	_, err := redis.ParseURL(rawURL)
	return err == nil
}

// bounded is ctx limited to one command's time.
func bounded(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, opTimeout)
}
