package dialpad

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
)

func TestWriteObserver(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		call   func(context.Context, *Client) error
		want   []string // "METHOD path" the observer saw
	}{
		{"accepted PATCH", http.StatusOK, `{"id":"7"}`,
			func(ctx context.Context, c *Client) error {
				_, err := c.UpdateCallCenter(ctx, 7, map[string]any{"ring_seconds": 25})
				return err
			}, []string{"PATCH /api/v2/callcenters/7"}},
		{"accepted POST", http.StatusCreated, `{"id":"20"}`,
			func(ctx context.Context, c *Client) error {
				_, err := c.CreateCallRouter(ctx, CreateCallRouter{Name: "R"})
				return err
			}, []string{"POST /api/v2/callrouters"}},
		{"accepted DELETE without a body", http.StatusNoContent, "",
			func(ctx context.Context, c *Client) error { return c.DeleteCallRouter(ctx, 20) },
			[]string{"DELETE /api/v2/callrouters/20"}},
		{"accepted write with an unreadable answer still counts", http.StatusOK, "<html>",
			func(ctx context.Context, c *Client) error {
				_, err := c.UpdateDepartment(ctx, 8, map[string]any{"hours_on": true})
				return err
			}, []string{"PATCH /api/v2/departments/8"}},
		{"GET is not a write", http.StatusOK, `{"id":"7"}`,
			func(ctx context.Context, c *Client) error { _, err := c.CallCenter(ctx, 7); return err }, nil},
		{"refused write (400)", http.StatusBadRequest, dialpadError(400, "bad"),
			func(ctx context.Context, c *Client) error {
				_, err := c.UpdateCallCenter(ctx, 7, map[string]any{"ring_seconds": 1})
				return err
			}, nil},
		{"rate-limited write (429)", http.StatusTooManyRequests, dialpadError(429, "slow down"),
			func(ctx context.Context, c *Client) error {
				_, err := c.UpdateCallRouter(ctx, 20, map[string]any{"enabled": true})
				return err
			}, nil},
		{"failed write (500)", http.StatusInternalServerError, dialpadError(500, "oops"),
			func(ctx context.Context, c *Client) error { return c.DeleteCallRouter(ctx, 20) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, tt.status, tt.body) })
			var (
				mu  sync.Mutex
				got []string
			)
			c := f.client(WithWriteObserver(func(method, path string, _ []byte) {
				mu.Lock()
				defer mu.Unlock()
				got = append(got, method+" "+path)
			}))
			wantErr := tt.status >= 300 || tt.body == "<html>"
			if err := tt.call(t.Context(), c); (err != nil) != wantErr {
				t.Fatalf("error %v, want error = %v", err, wantErr)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("observer saw %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNoWriteObserver(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{"id":"7"}`) })
	// Without an observer a write simply goes through.
	if _, err := f.client().UpdateCallCenter(t.Context(), 7, map[string]any{"ring_seconds": 25}); err != nil {
		t.Fatal(err)
	}
}
