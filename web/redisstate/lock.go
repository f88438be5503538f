package redisstate

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/redis/go-redis/v9"
)

// Locks are short locks shared by every instance: SET NX PX with a random
// token, released by compare-and-delete so an instance never frees a lock
// that expired and went to someone else. They guard a session's token
// renewal, whose refresh token Dialpad may accept only once.
type Locks struct {
	rdb    *redis.Client
	prefix string
	ttl    time.Duration // a holder that died frees its lock after this
	poll   time.Duration // how often a waiter tries again
}

// NewLocks returns locks named prefix+key, held at most ttl.
func NewLocks(rdb *redis.Client, prefix string, ttl time.Duration) *Locks {
	return &Locks{rdb: rdb, prefix: keyPrefix + "lock:" + prefix, ttl: ttl, poll: 10 * time.Millisecond}
}

// unlockScript deletes the lock only while it still holds our token.
var unlockScript = redis.NewScript(`
if redis.call("GET", KEYS[1]) == ARGV[1] then
	return redis.call("DEL", KEYS[1])
end
return 0`)

// Lock waits for key's lock, or until ctx ends or Redis fails. The
// returned func releases it and must be called exactly once.
func (l *Locks) Lock(ctx context.Context, key string) (unlock func(), err error) {
	token, err := randomToken()
	if err != nil {
		return nil, err
	}
	name := l.prefix + key
	t := time.NewTicker(l.poll)
	defer t.Stop()
	for {
		cctx, cancel := bounded(ctx)
		ok, err := l.rdb.SetNX(cctx, name, token, l.ttl).Result()
		cancel()
		if err != nil {
			return nil, err
		}
		if ok {
			return func() {
				cctx, cancel := bounded(context.WithoutCancel(ctx))
				defer cancel()
				// On failure the lock expires after ttl by itself.
				_ = unlockScript.Run(cctx, l.rdb, []string{name}, token).Err()
			}, nil
		}
		select {
		case <-t.C:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

func randomToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
