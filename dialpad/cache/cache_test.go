package cache

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) set(s int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC).Add(time.Duration(s) * time.Second)
}

func TestCacheKeepsReadsForTheTTLAndDropsByPrefix(t *testing.T) {
	const mine, mineLondon, other = "user:1/callcenters", "user:1/callcenters?office=7", "user:2/callcenters"
	tests := []struct {
		name string
		run  func(c *Cache[string], clk *clock, load func(string) func(context.Context) (string, error))
		key  string
		at   int
		hit  bool
	}{
		{"empty", func(*Cache[string], *clock, func(string) func(context.Context) (string, error)) {}, mine, 0, false},
		{"fresh", func(c *Cache[string], _ *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, l("v"))
		}, mine, 29, true},
		{"expired 30 s after the load began", func(c *Cache[string], _ *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, l("v"))
		}, mine, 30, false},
		{"per scope", func(c *Cache[string], _ *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, l("v"))
		}, other, 1, false},
		{"a drop takes everything under the prefix", func(c *Cache[string], clk *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, l("v"))
			_, _ = c.Get(context.Background(), mineLondon, false, l("v"))
			clk.set(2)
			c.DropPrefix("user:1/")
		}, mineLondon, 3, false},
		{"another scope's drop keeps mine", func(c *Cache[string], clk *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, l("v"))
			c.DropPrefix("user:2/")
		}, mine, 3, true},
		{"a load that began before a drop is not kept", func(c *Cache[string], clk *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, func(ctx context.Context) (string, error) {
				c.DropPrefix("user:1/") // a write lands while the read is under way
				return "stale", nil
			})
		}, mine, 1, false},
		{"errors are not kept", func(c *Cache[string], _ *clock, _ func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, func(context.Context) (string, error) { return "", errors.New("boom") })
		}, mine, 1, false},
		{"a fresh read replaces the entry", func(c *Cache[string], clk *clock, l func(string) func(context.Context) (string, error)) {
			_, _ = c.Get(context.Background(), mine, false, l("old"))
			clk.set(10)
			_, _ = c.Get(context.Background(), mine, true, l("v"))
		}, mine, 35, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := &clock{}
			clk.set(0)
			c := &Cache[string]{Now: clk.Now}
			tt.run(c, clk, func(v string) func(context.Context) (string, error) {
				return func(context.Context) (string, error) { return v, nil }
			})
			clk.set(tt.at)
			loads := 0
			got, err := c.Get(context.Background(), tt.key, false, func(context.Context) (string, error) { loads++; return "loaded", nil })
			if err != nil {
				t.Fatal(err)
			}
			if hit := loads == 0; hit != tt.hit {
				t.Errorf("hit = %v (got %q), want %v", hit, got, tt.hit)
			}
			if tt.hit && got != "v" {
				t.Errorf("got %q, want the kept value", got)
			}
		})
	}
}

func TestIdenticalConcurrentReadsShareOneLoad(t *testing.T) {
	var c Cache[int]
	var loads atomic.Int32
	release := make(chan struct{})
	load := func(context.Context) (int, error) { loads.Add(1); <-release; return 42, nil }
	var wg sync.WaitGroup
	results := make([]int, 20)
	for i := range results {
		wg.Go(func() {
			v, err := c.Get(context.Background(), "user:1/offices", false, load)
			if err != nil {
				t.Error(err)
			}
			results[i] = v
		})
	}
	// Whoever comes after the load finished finds the stored value, so
	// the count holds however the goroutines are scheduled.
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Errorf("%d loads for 20 identical reads, want 1", n)
	}
	for i, v := range results {
		if v != 42 {
			t.Errorf("reader %d got %d", i, v)
		}
	}
}

// A load that panics (a bug in a decoder, say) panics in the caller's
// goroutine, where the request's own recovery catches it, and the value
// says what panicked; it must not end the process from a goroutine of the
// cache's.
func TestPanicInALoadReachesTheCaller(t *testing.T) {
	var c Cache[int]
	load := func(context.Context) (int, error) { panic("decoder bug") }
	var got any
	func() {
		defer func() { got = recover() }()
		_, _ = c.Get(context.Background(), "user:1/offices", false, load)
	}()
	if got == nil || !strings.Contains(fmt.Sprint(got), "decoder bug") {
		t.Fatalf("recovered %v, want the load's panic", got)
	}
	// The key is not poisoned: the next read loads again.
	if v, err := c.Get(context.Background(), "user:1/offices", false, func(context.Context) (int, error) { return 7, nil }); v != 7 || err != nil {
		t.Errorf("next read got %d, %v; want 7", v, err)
	}
}

func TestAgeIsTheOldestRead(t *testing.T) {
	clk := &clock{}
	clk.set(0)
	c := &Cache[string]{Now: clk.Now}
	_, _ = c.Get(context.Background(), "a", false, func(context.Context) (string, error) { return "a", nil })
	clk.set(12)
	ctx, age := WithAge(context.Background())
	_, _ = c.Get(ctx, "b", false, func(context.Context) (string, error) { return "b", nil })
	_, _ = c.Get(ctx, "a", false, func(context.Context) (string, error) { return "a", nil })
	if got := clk.Now().Sub(age.Oldest()); got != 12*time.Second {
		t.Errorf("age %v, want 12s: the page shows the oldest of its reads", got)
	}
}

func TestMemoryIsBounded(t *testing.T) {
	m := NewMemory[int](3)
	t0 := time.Date(2026, time.March, 11, 15, 0, 0, 0, time.UTC)
	for i := range 5 {
		m.Set("k"+strconv.Itoa(i), Entry[int]{Value: i, Fetched: t0.Add(time.Duration(i) * time.Millisecond)}, time.Minute)
	}
	if n := len(m.entries); n != 3 {
		t.Fatalf("%d entries, want 3", n)
	}
	if _, ok := m.Get("k0"); ok {
		t.Error("the entry closest to expiry survived")
	}
	if _, ok := m.Get("k4"); !ok {
		t.Error("the newest entry was evicted")
	}
}
