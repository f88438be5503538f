package web_test

import (
	"os"
	"testing"

	"switchboard/web/redisstate/redistest"
)

// testRedis is the package's one redis-server (nil when not installed:
// the Redis tests skip, except in CI).
var testRedis *redistest.Redis

func TestMain(m *testing.M) { os.Exit(redistest.Main(m, &testRedis)) }
