package dialpad

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// failing answers the first n requests with fail and the rest with 200.
func failing(n int32, fail http.HandlerFunc) http.HandlerFunc {
	var count atomic.Int32
	return func(w http.ResponseWriter, r *http.Request) {
		if count.Add(1) <= n {
			fail(w, r)
			return
		}
		answer(w, http.StatusOK, `{"id":"7","name":"ok"}`)
	}
}

func statusHandler(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { answer(w, code, dialpadError(code, "boom")) }
}

// drop closes the connection without answering.
func drop(w http.ResponseWriter, r *http.Request) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	conn.Close()
}

func TestRetries(t *testing.T) {
	getCC := func(ctx context.Context, c *Client) error { _, err := c.CallCenter(ctx, 7); return err }
	patchCC := func(ctx context.Context, c *Client) error {
		_, err := c.UpdateCallCenter(ctx, 7, map[string]string{"name": "x"})
		return err
	}
	createRouter := func(ctx context.Context, c *Client) error {
		_, err := c.CreateCallRouter(ctx, CreateCallRouter{Name: "x"})
		return err
	}
	tests := []struct {
		name         string
		handler      http.HandlerFunc
		call         func(context.Context, *Client) error
		wantAttempts int
		wantErr      error // nil: success
	}{
		{"GET 503 twice then 200", failing(2, statusHandler(503)), getCC, 3, nil},
		{"GET 500 once then 200", failing(1, statusHandler(500)), getCC, 2, nil},
		{"GET gives up after two retries", failing(99, statusHandler(503)), getCC, 3, ErrUpstream},
		{"GET dropped connection then 200", failing(1, drop), getCC, 2, nil},
		{"GET dropped every time", failing(99, drop), getCC, 3, ErrUpstream},
		{"GET 404 is not retried", failing(99, statusHandler(404)), getCC, 1, ErrNotFound},
		{"GET 429 is not retried", failing(99, statusHandler(429)), getCC, 1, ErrRateLimited},
		{"GET 400 is not retried", failing(99, statusHandler(400)), getCC, 1, ErrBadRequest},
		{"PATCH 503 is not retried", failing(99, statusHandler(503)), patchCC, 1, ErrUpstream},
		{"PATCH dropped is not retried", failing(99, drop), patchCC, 1, ErrUpstream},
		{"POST 502 is not retried", failing(99, statusHandler(502)), createRouter, 1, ErrUpstream},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.handler)
			err := tt.call(t.Context(), f.client())
			if tt.wantErr == nil && err != nil {
				t.Fatalf("error %v, want success", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if n := len(f.requests()); n != tt.wantAttempts {
				t.Errorf("%d attempts, want %d", n, tt.wantAttempts)
			}
		})
	}
}

// A request abandoned by its caller is reported as such and not repeated.
func TestCanceledRequestIsNotRetried(t *testing.T) {
	arrived := make(chan struct{}, 3)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-r.Context().Done()
	})
	ctx, cancel := context.WithCancel(t.Context())
	go func() {
		<-arrived
		cancel()
	}()
	_, err := f.client().CallCenter(ctx, 7)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	if errors.Is(err, ErrUpstream) {
		t.Errorf("error %v blames Dialpad for the caller's cancel", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}

func TestSleepHonoursContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Fatalf("sleep on a canceled context = %v", err)
	}
	if err := sleep(t.Context(), time.Microsecond); err != nil {
		t.Fatalf("sleep = %v", err)
	}
}

func TestLimiterIsConsultedPerAttempt(t *testing.T) {
	t.Run("tokens spent", func(t *testing.T) {
		f := newFake(t, failing(2, statusHandler(503)))
		// Practically no refill: the tokens left count the attempts.
		l := rate.NewLimiter(rate.Every(24*time.Hour), 10)
		if _, err := f.client(WithBudget(LocalBudget(l))).CallCenter(t.Context(), 7); err != nil {
			t.Fatal(err)
		}
		if left := l.Tokens(); left < 6.9 || left > 7.1 {
			t.Errorf("%.2f tokens left, want 7 (3 attempts from a burst of 10)", left)
		}
	})
	t.Run("retry blocked by limiter", func(t *testing.T) {
		f := newFake(t, failing(99, statusHandler(503)))
		l := rate.NewLimiter(rate.Every(24*time.Hour), 2)
		// The deadline lets Wait fail at once instead of waiting a day.
		ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
		defer cancel()
		_, err := f.client(WithBudget(LocalBudget(l))).CallCenter(ctx, 7)
		if err == nil || errors.Is(err, ErrUpstream) {
			t.Fatalf("error %v, want the limiter's refusal", err)
		}
		if n := len(f.requests()); n != 2 {
			t.Errorf("%d requests reached the server, want 2 (the burst)", n)
		}
	})
}

// A retry whose wait alone outlasts the caller's deadline is not started:
// the caller gets Dialpad's answer now, not a deadline error later.
func TestRetryThatCannotFinishIsNotStarted(t *testing.T) {
	f := newFake(t, failing(99, statusHandler(503)))
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	c := f.client()
	c.backoff = time.Hour
	_, err := c.CallCenter(ctx, 7)
	if !errors.Is(err, ErrUpstream) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want Dialpad's 503 without waiting for the deadline", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("%d attempts, want 1", n)
	}
}
