package redisstate

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// clockSkew widens every check: an entry read up to this long before a
// drop on another instance's clock is taken as dropped too. Instances'
// clocks agree within it (NTP); dropping a little too much costs a read.
const clockSkew = time.Second

// keepDrops is how long a drop is remembered: past it every entry read
// before it has expired anyway (the caches keep entries 30 s).
const keepDrops = 2 * time.Minute

// CacheDrops is the shared record of one cache's dropped prefixes: a
// sorted set of "instance prefix" members scored by when that instance
// last dropped the prefix. A hit costs one ZRANGE BYSCORE over the drops
// since the entry was read, which are few (the writes of the last half
// minute), and stays exact: unlike pub/sub, there is no moment when
// another instance has not heard yet. Each CacheDrops is one instance:
// its own drops are skipped, since its cache rewrote or deleted what they
// touched itself (a save's answer put in place stays served where it was
// made, whatever the clocks say).
type CacheDrops struct {
	rdb    *redis.Client
	key    string
	self   string // this instance's random id; never contains a space
	logger *slog.Logger
}

// NewCacheDrops is this instance's record of the cache called name.
func NewCacheDrops(rdb *redis.Client, name string, logger *slog.Logger) *CacheDrops {
	self, err := randomToken()
	if err != nil {
		// Without an id this instance counts its own drops too: a read
		// more after its writes, never a stale page.
		self = ""
	}
	return &CacheDrops{rdb: rdb, key: keyPrefix + "cache:" + name + ":drops", self: self, logger: logger}
}

func (d *CacheDrops) Drop(prefix string, at time.Time) {
	ctx, cancel := bounded(context.Background())
	defer cancel()
	ms := at.UnixMilli()
	_, err := d.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.ZAdd(ctx, d.key, redis.Z{Score: float64(ms), Member: d.self + " " + prefix})
		p.ZRemRangeByScore(ctx, d.key, "-inf", "("+strconv.FormatInt(ms-keepDrops.Milliseconds(), 10))
		p.PExpire(ctx, d.key, keepDrops)
		return nil
	})
	if err != nil {
		// Other instances may serve what this write replaced until their
		// entries expire (30 s at most).
		d.logger.Warn("shared cache drop not recorded", "err", err)
	}
}

func (d *CacheDrops) DroppedSince(key string, since time.Time) bool {
	ctx, cancel := bounded(context.Background())
	defer cancel()
	min := strconv.FormatInt(since.Add(-clockSkew).UnixMilli(), 10)
	prefixes, err := d.rdb.ZRangeArgs(ctx, redis.ZRangeArgs{Key: d.key, Start: min, Stop: "+inf", ByScore: true}).Result()
	if err != nil {
		return true
	}
	for _, m := range prefixes {
		by, p, ok := strings.Cut(m, " ")
		if !ok {
			by, p = "", m // recorded without an id: count it
		}
		if by != "" && by == d.self {
			continue
		}
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}
