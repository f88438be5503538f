package handlers_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/time/rate"

	"switchboard/dialpad/emulator"
	"switchboard/web"
	"switchboard/web/webtest"
)

// When the company's Dialpad budget is spent for longer than a person
// should wait, pages and saves answer at once with a 503 and Retry-After,
// send nothing, and a save keeps what was typed.
func TestSpentBudgetAnswers503AtOnce(t *testing.T) {
	// A limiter that never refills within the test: what the test drains
	// stays drained, and the wait it reports is about a day.
	limiter := rate.NewLimiter(rate.Every(24*time.Hour), 100)
	e := signedIn(t, emulator.AdminUserID,
		webtest.WithServerOptions(web.WithCompanyLimiter(func() *rate.Limiter { return limiter })))
	cc := e.callCenter("Support Tier 2")
	_, form := e.openForm(ccPath(cc), "hours-form")
	limiter.AllowN(time.Now(), int(limiter.Tokens())) // everyone else spent it

	checkRetryAfter := func(t *testing.T, res *webtest.Response) {
		t.Helper()
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503\n%s", res.StatusCode, res.Body)
		}
		secs, err := strconv.Atoi(res.Header.Get("Retry-After"))
		if err != nil || secs < 3600 {
			t.Errorf("Retry-After %q, want the limiter's wait in seconds", res.Header.Get("Retry-After"))
		}
	}
	t.Run("page", func(t *testing.T) {
		res := e.b.Get("/departments")
		checkRetryAfter(t, res)
		if got := testText(res.Body, "error-message"); !strings.Contains(got, "nothing was sent") {
			t.Errorf("message %q", got)
		}
	})
	t.Run("save keeps the input", func(t *testing.T) {
		edit := with(withDay(form, "monday_hours", "06:30", "11:45"), "name", "Escalations & more")
		res := e.b.PostForm(ccPath(cc), edit)
		checkRetryAfter(t, res)
		if got := testText(res.Body, "form-message"); got == "" {
			t.Error("no message at the top of the form")
		}
		kept := formOf(t, res.Body, "hours-form")
		if !slices.Equal(kept["monday_hours"], []string{"06:30", "11:45"}) || kept.Get("name") != "Escalations & more" {
			t.Errorf("input lost: Monday %q, name %q", kept["monday_hours"], kept.Get("name"))
		}
	})
	if got := e.freshCallCenter(cc.ID); got.Name != "Support Tier 2" {
		t.Errorf("Dialpad changed: %q", got.Name)
	}
}
