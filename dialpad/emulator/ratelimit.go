package emulator

import (
	"fmt"
	"net/http"
	"time"
)

// tokenBucket is the company-wide limit (Dialpad allows 20 requests/s per
// company). It runs on Options.Now rather than the wall clock, so tests can
// drive it.
type tokenBucket struct {
	rate     float64 // tokens per second; <= 0 disables the limit
	burst    float64
	tokens   float64
	lastFill time.Time
}

func newTokenBucket(rps int, now time.Time) tokenBucket {
	return tokenBucket{rate: float64(rps), burst: float64(rps), tokens: float64(rps), lastFill: now}
}

// take spends one token, or tells how long until one is available.
func (b *tokenBucket) take(now time.Time) (bool, time.Duration) {
	if b.rate <= 0 {
		return true, 0
	}
	if elapsed := now.Sub(b.lastFill); elapsed > 0 {
		b.tokens = min(b.burst, b.tokens+elapsed.Seconds()*b.rate)
		b.lastFill = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / b.rate * float64(time.Second))
	return false, wait
}

// limitCompany answers 429 with Retry-After once the company spends its
// requests per second.
func (e *Emulator) limitCompany(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		ok, wait := e.bucket.take(e.now())
		e.mu.Unlock()
		if !ok {
			msg := fmt.Sprintf("rate limit exceeded: at most %d requests per second per company", e.opts.CompanyRPS)
			writeError(w, rateLimited(msg, wait))
			return
		}
		next.ServeHTTP(w, r)
	})
}
