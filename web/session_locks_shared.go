package web

import (
	"context"
	"time"

	"switchboard/web/redisstate"
)

// locker is one lock per key (a session token): keyedLocks in one
// process, sharedLocks across instances.
type locker interface {
	lock(ctx context.Context, key string) (unlock func(), err error)
}

// sharedLocks holds a session's lock across every instance on one Redis.
// The process's own lock is taken first, so the requests of one instance
// queue in memory and only one of them at a time polls Redis.
type sharedLocks struct {
	local  *keyedLocks
	remote *redisstate.Locks
}

// Lock lifetimes in Redis: an instance that dies holding one frees it
// after this. Renewal covers one token request (the HTTP client gives up
// after 30 s); a commit is two Redis commands.
const (
	renewLockTTL  = 35 * time.Second
	commitLockTTL = 5 * time.Second
)

func (l sharedLocks) lock(ctx context.Context, key string) (func(), error) {
	unlockLocal, err := l.local.lock(ctx, key)
	if err != nil {
		return nil, err
	}
	unlockRemote, err := l.remote.Lock(ctx, key)
	if err != nil {
		unlockLocal()
		return nil, err
	}
	return func() {
		unlockRemote()
		unlockLocal()
	}, nil
}
