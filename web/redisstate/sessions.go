package redisstate

import (
	"context"
	"time"

	"github.com/alexedwards/scs/goredisstore"
	"github.com/redis/go-redis/v9"
)

// Sessions is scs's own Redis store (goredisstore) under the console's key
// prefix, as a plain scs.Store: goredisstore's context-free methods panic
// by design, and the encrypting store around it (web/store) calls those.
// Each call gets one command's time, so a Redis that went away fails the
// request at once (503) instead of hanging it.
type Sessions struct {
	inner *goredisstore.RedisStore
}

// NewSessions keeps sessions in rdb; Redis expires them itself.
func NewSessions(rdb *redis.Client) *Sessions {
	return &Sessions{inner: goredisstore.NewWithPrefix(rdb, keyPrefix+"session:")}
}

func (s *Sessions) Find(token string) ([]byte, bool, error) {
	ctx, cancel := bounded(context.Background())
	defer cancel()
	return s.inner.FindCtx(ctx, token)
}

func (s *Sessions) Commit(token string, b []byte, expiry time.Time) error {
	ctx, cancel := bounded(context.Background())
	defer cancel()
	return s.inner.CommitCtx(ctx, token, b, expiry)
}

func (s *Sessions) Delete(token string) error {
	ctx, cancel := bounded(context.Background())
	defer cancel()
	return s.inner.DeleteCtx(ctx, token)
}
