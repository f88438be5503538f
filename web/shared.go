package web

import (
	"github.com/redis/go-redis/v9"

	"switchboard/dialpad/cache"
	"switchboard/web/redisstate"
)

// redis is the storage's Redis client, or nil when the console runs alone.
func (s *Server) redis() *redis.Client {
	if s.storage == nil {
		return nil
	}
	return s.storage.Redis
}

// shareThroughRedis moves what instances must agree on into Redis, when
// there is one: each company's Dialpad budget, the routers' change
// windows and what writes dropped from the read caches. Sessions and
// renewal locks are set up with the session manager (New).
func (s *Server) shareThroughRedis() {
	rdb := s.redis()
	if rdb == nil {
		return
	}
	s.limiters.shared = rdb
	s.limiters.logger = s.logger
	s.h.ShareRouterWindows(redisstate.NewRouterWindows(rdb))
	s.h.ShareCacheDrops(func(name string) cache.Drops {
		return redisstate.NewCacheDrops(rdb, name, s.logger)
	})
}
