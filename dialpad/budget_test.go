package dialpad

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"golang.org/x/time/rate"
)

// A limiter that practically never refills makes every test deterministic:
// the burst is all the budget there is, and no test sleeps.
func TestBudgetFailsFastAndKeepsHeadroomForPeople(t *testing.T) {
	const (
		person = PriorityPerson
		bulk   = PriorityBulk
	)
	type step struct {
		who    Priority
		wantOK bool
	}
	tests := []struct {
		name  string
		burst int
		steps []step
	}{
		{"a person's call fails at once when the wait is too long", 1,
			[]step{{person, true}, {person, false}, {person, false}}},
		{"bulk work leaves half the burst to people", 4,
			[]step{{bulk, true}, {bulk, true}, {bulk, false}, {person, true}, {person, true}, {person, false}}},
		{"people first: bulk cannot take the headroom they left", 4,
			[]step{{person, true}, {person, true}, {bulk, false}, {person, true}, {person, true}, {person, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, _ *http.Request) { answer(w, 200, `{"id":"7"}`) })
			l := rate.NewLimiter(rate.Every(24*time.Hour), tt.burst)
			c := f.client(WithBudget(LocalBudget(l)), WithMaxBudgetWait(2*time.Second))
			// Without the fast failure, the limiter would report the wait
			// against this deadline, not as a spent budget.
			ctx, cancel := context.WithTimeout(t.Context(), time.Hour)
			defer cancel()
			sent := 0
			for i, s := range tt.steps {
				_, err := c.CallCenter(WithPriority(ctx, s.who), 7)
				if s.wantOK {
					sent++
					if err != nil {
						t.Fatalf("step %d: %v", i, err)
					}
					continue
				}
				if !errors.Is(err, ErrBudgetExhausted) {
					t.Fatalf("step %d: error %v, want ErrBudgetExhausted", i, err)
				}
				be, ok := errors.AsType[*BudgetError](err)
				if !ok || be.Wait < time.Hour {
					t.Errorf("step %d: %v, want the limiter's wait (about a day)", i, err)
				}
			}
			if n := len(f.requests()); n != sent {
				t.Errorf("%d requests reached Dialpad, want %d: a refused call must not be sent", n, sent)
			}
			// Refused calls hand their reservation back: the bucket is empty, not in debt.
			if left := l.Tokens(); left < -0.01 {
				t.Errorf("%.2f tokens left: refused calls spent budget", left)
			}
		})
	}
}
