package routing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// Dialpad's limits on a routing answer.
const (
	DefaultTimeout = 5 * time.Second
	DefaultMaxBody = 64 << 10
)

// userAgent names the caller to routing services, which may log it.
const userAgent = "switchboard-routing/1"

// errTimedOut is the cause of the Caller's own deadline, told apart from the
// caller's context being cancelled.
var errTimedOut = errors.New("routing: timed out")

// Caller posts routing requests the way Dialpad does and judges the answers.
// The zero value is ready to use with Dialpad's limits and the address guard
// on. A Caller holds no connections between calls.
type Caller struct {
	Timeout      time.Duration    // connect + answer; default 5 s
	MaxBody      int64            // largest answer accepted; default 64 KiB
	AllowPrivate bool             // reach private, loopback and link-local addresses (demo mode, tests)
	Resolver     Resolver         // default net.DefaultResolver
	Now          func() time.Time // measures latency; default time.Now
}

// Call posts p to routingURL, signed with secret when one is given, and
// reports how the answer would count. It never returns an error: every
// failure is a Result whose Problem says what went wrong in plain words.
func (c *Caller) Call(ctx context.Context, routingURL string, p Payload, secret string) Result {
	target, problem := checkURL(routingURL)
	if problem != "" {
		return Result{Problem: problem}
	}
	body, contentType, err := Encode(p, secret)
	if err != nil {
		return Result{Problem: "could not encode the request"}
	}

	timeout := c.timeout()
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, errTimedOut)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target.String(), bytes.NewReader(body))
	if err != nil {
		return Result{Problem: "could not build the request"}
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("User-Agent", userAgent)

	client := c.client()
	defer client.CloseIdleConnections()

	start := c.now()
	res := c.exchange(client, req, timeout)
	res.Latency = c.now().Sub(start)
	return res
}

// exchange sends req and judges the answer, leaving latency to the caller.
func (c *Caller) exchange(client *http.Client, req *http.Request, timeout time.Duration) Result {
	resp, err := client.Do(req)
	if err != nil {
		return Result{Problem: transportProblem(req.Context(), err, timeout)}
	}
	defer resp.Body.Close()
	res := Result{Status: resp.StatusCode}
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode < 400:
		res.Problem = fmt.Sprintf("answered %d redirect; Dialpad does not follow redirects", resp.StatusCode)
		return res
	case resp.StatusCode < 200 || resp.StatusCode >= 300:
		res.Problem = fmt.Sprintf("answered %d", resp.StatusCode)
		return res
	}
	maxBody := c.maxBody()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		res.Problem = transportProblem(req.Context(), err, timeout)
		return res
	}
	if int64(len(answer)) > maxBody {
		res.Problem = "answer larger than " + formatSize(maxBody)
		return res
	}
	res.Answer, res.Problem = parseAnswer(answer)
	return res
}

// client is a fresh client per call: no proxy (a proxy would be dialled
// instead of the checked address), no redirects, no keep-alive.
func (c *Caller) client() *http.Client {
	resolver := c.Resolver
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	dialer := &guardedDialer{resolver: resolver, allowPrivate: c.AllowPrivate, dial: (&net.Dialer{}).DialContext}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                  nil,
			DialContext:            dialer.DialContext,
			DisableKeepAlives:      true,
			MaxResponseHeaderBytes: 16 << 10,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// transportProblem words a failure to send or to read the answer. Running
// out of the Caller's own time is the one Dialpad names: a timeout.
func transportProblem(ctx context.Context, err error, timeout time.Duration) string {
	if context.Cause(ctx) == errTimedOut {
		return "timed out after " + formatDuration(timeout)
	}
	return describeError(err)
}

// checkURL accepts absolute http and https URLs with a host.
func checkURL(raw string) (*url.URL, string) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "refused: the routing URL is not a valid URL"
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, "refused: the routing URL must start with https:// or http://"
	}
	if u.Hostname() == "" {
		return nil, "refused: the routing URL has no host"
	}
	return u, ""
}

func (c *Caller) timeout() time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return DefaultTimeout
}

func (c *Caller) maxBody() int64 {
	if c.MaxBody > 0 {
		return c.MaxBody
	}
	return DefaultMaxBody
}

func (c *Caller) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}
