package cache

import (
	"context"
	"strings"
	"testing"
)

// A write's answer put in place: entries under the prefix are rewritten
// (or dropped when fn cannot), Put adds the resource as read now, and no
// load that began before the write replaces either.
func TestRewritePrefixAndPut(t *testing.T) {
	const list, item, status, other = "user:1/cc?office=1", "user:1/cc/7", "user:1/cc/7/status", "user:2/cc?office=1"
	rewrite := func(c *Cache[string]) {
		c.RewritePrefix("user:1/cc", func(key, v string) (string, bool) {
			if strings.HasSuffix(key, "/status") {
				return "", false
			}
			return v + "+saved", true
		})
		c.Put(item, "saved")
	}
	type want struct {
		key   string
		at    int
		value string // "" = not cached
		age   int    // seconds the entry is old, when cached
	}
	tests := []struct {
		name string
		run  func(c *Cache[string], clk *clock)
		want []want
	}{
		{"rewritten in place, read time kept", func(c *Cache[string], clk *clock) {
			for _, k := range []string{list, status, other} {
				_, _ = c.Get(context.Background(), k, false, func(context.Context) (string, error) { return "old", nil })
			}
			clk.set(10)
			rewrite(c)
		}, []want{
			{list, 20, "old+saved", 20},
			{list, 30, "", 0}, // expires as it would have
			{item, 20, "saved", 10},
			{item, 39, "saved", 29},
			{status, 11, "", 0},
			{other, 11, "old", 11},
		}},
		{"a load that began before the write does not win", func(c *Cache[string], clk *clock) {
			_, _ = c.Get(context.Background(), list, false, func(context.Context) (string, error) { return "old", nil })
			clk.set(5)
			for _, k := range []string{list, item} {
				_, _ = c.Get(context.Background(), k, true, func(context.Context) (string, error) {
					clk.set(6)
					rewrite(c) // the save lands while this read is under way
					clk.set(7)
					return "stale", nil
				})
				clk.set(5)
			}
		}, []want{
			{list, 8, "old+saved+saved", 8},
			{item, 8, "saved", 2},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range tt.want {
				clk := &clock{}
				clk.set(0)
				c := &Cache[string]{Now: clk.Now}
				tt.run(c, clk)
				clk.set(w.at)
				ctx, age := WithAge(context.Background())
				loaded := false
				got, _ := c.Get(ctx, w.key, false, func(context.Context) (string, error) { loaded = true; return "", nil })
				switch {
				case w.value == "" && !loaded:
					t.Errorf("%s at %d s: cached %q, want a read", w.key, w.at, got)
				case w.value != "" && (loaded || got != w.value):
					t.Errorf("%s at %d s: %q (read: %v), want %q from the cache", w.key, w.at, got, loaded, w.value)
				case w.value != "" && int(clk.Now().Sub(age.Oldest()).Seconds()) != w.age:
					t.Errorf("%s at %d s: %v old, want %d s", w.key, w.at, clk.Now().Sub(age.Oldest()), w.age)
				}
			}
		})
	}
}

// A value built from other cached reads is as old as the oldest of them.
func TestLoadBuiltFromCachedReadsIsAsOldAsThem(t *testing.T) {
	clk := &clock{}
	clk.set(0)
	raw := &Cache[string]{Now: clk.Now}
	built := &Cache[string]{Now: clk.Now}
	_, _ = raw.Get(context.Background(), "list", false, func(context.Context) (string, error) { return "v", nil })
	clk.set(20)
	build := func(ctx context.Context) (string, error) {
		return raw.Get(ctx, "list", false, func(context.Context) (string, error) { return "v2", nil })
	}
	ctx, age := WithAge(context.Background())
	if _, err := built.Get(ctx, "review", false, build); err != nil {
		t.Fatal(err)
	}
	if got := clk.Now().Sub(age.Oldest()); got != 20e9 {
		t.Errorf("the page says %v old, want 20 s (its list's age)", got)
	}
	clk.set(30) // the list it was built from has expired: so has it
	loads := 0
	_, _ = built.Get(context.Background(), "review", false, func(ctx context.Context) (string, error) { loads++; return build(ctx) })
	if loads != 1 {
		t.Error("a value outlived the reads it was built from")
	}
}
