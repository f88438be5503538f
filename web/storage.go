package web

import (
	"context"
	"errors"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/alexedwards/scs/v2/memstore"
	"github.com/redis/go-redis/v9"

	"switchboard/web/redisstate"
	"switchboard/web/store"
)

// Storage is the console's database, its Redis when several instances
// share one, and the session store configuration picks over them. main
// opens it before the server and closes it after.
type Storage struct {
	DB       *store.DB
	Redis    *redis.Client // nil: this process keeps its own state
	Sessions scs.Store
	stop     func() // ends the session store's sweeping
}

// OpenStorage opens and migrates the configured database (a throwaway one
// in demo mode) and builds the session store: the database's, sealed with
// the session key, or memory.
func OpenStorage(ctx context.Context, cfg Config) (*Storage, error) {
	var (
		db  *store.DB
		err error
	)
	if cfg.Demo {
		db, err = store.OpenThrowaway(ctx)
	} else {
		db, err = store.Open(ctx, cfg.DatabaseURL.Reveal())
	}
	if err != nil {
		return nil, err
	}
	st := &Storage{DB: db}
	if cfg.RedisURL != "" {
		if st.Redis, err = redisstate.Open(ctx, cfg.RedisURL.Reveal()); err != nil {
			_ = db.Close()
			return nil, err
		}
	}
	if cfg.SessionStore == SessionStoreRedis {
		if st.Redis == nil {
			_ = db.Close()
			return nil, errors.New("web: the redis session store needs SWITCHBOARD_REDIS_URL")
		}
		// Redis expires sessions itself: nothing to sweep.
		sealed, err := store.NewEncryptedStore(redisstate.NewSessions(st.Redis), cfg.SessionKeyBytes())
		if err != nil {
			_ = st.Close()
			return nil, err
		}
		st.Sessions = sealed
		return st, nil
	}
	if cfg.SessionStore == SessionStoreMemory {
		// memstore's StopCleanup races with its sweeper's start (see
		// sessionStore), so its sweeper runs for the life of the process.
		st.Sessions = memstore.NewWithCleanupInterval(time.Minute)
		return st, nil
	}
	inner, stop := db.SessionStore()
	sealed, err := store.NewEncryptedStore(inner, cfg.SessionKeyBytes())
	if err != nil {
		stop()
		_ = st.Close()
		return nil, err
	}
	st.Sessions, st.stop = sealed, stop
	return st, nil
}

// Close stops the session store and closes Redis and the database.
func (s *Storage) Close() error {
	if s.stop != nil {
		s.stop()
	}
	var rerr error
	if s.Redis != nil {
		rerr = s.Redis.Close()
	}
	return errors.Join(s.DB.Close(), rerr)
}

// WithStorage keeps sessions in the storage's store instead of the
// in-memory one a server has by default (as in tests).
func WithStorage(st *Storage) Option {
	return func(s *Server) { s.storage = st }
}

// sessionStore is where sessions live: the storage's, or memory.
func (s *Server) sessionStore() scs.Store {
	if s.storage != nil && s.storage.Sessions != nil {
		return s.storage.Sessions
	}
	// memstore sweeps expired sessions every minute for the life of the
	// process. Its StopCleanup races with that goroutine's start, so
	// servers built by tests simply leave it running.
	return memstore.NewWithCleanupInterval(time.Minute)
}
