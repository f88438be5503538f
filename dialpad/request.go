package dialpad

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"
)

const (
	// maxResponseBytes bounds what is read from one response.
	maxResponseBytes = 10 << 20
	// maxSnippetBytes bounds how much of a body a decode error quotes.
	maxSnippetBytes = 200
)

// get decodes the JSON answer of GET path?q into out.
func (c *Client) get(ctx context.Context, path string, q url.Values, out any) error {
	if c.cache != nil {
		return c.cachedGet(ctx, path, q, out)
	}
	return c.do(ctx, http.MethodGet, path, q, nil, out)
}

// send marshals in as the JSON body of a write and decodes the answer into
// out (nil discards it).
func (c *Client) send(ctx context.Context, method, path string, in, out any) error {
	return c.do(ctx, method, path, nil, in, out)
}

// do runs one API call. GETs are retried up to maxRetries times on 5xx and
// network failures (retry.go); writes never are.
func (c *Client) do(ctx context.Context, method, path string, q url.Values, in, out any) error {
	var payload []byte
	if in != nil {
		var err error
		if payload, err = json.Marshal(in); err != nil {
			return fmt.Errorf("dialpad: %s %s: encoding request: %w", method, path, err)
		}
	}
	ctx, auth := withSentAuth(ctx)
	attempts := 1
	if method == http.MethodGet {
		attempts += maxRetries
	}
	for attempt := 1; ; attempt++ {
		start := time.Now()
		retry, err := c.attempt(ctx, auth, method, path, q, payload, out)
		if err == nil || !retry || attempt == attempts {
			return err
		}
		wait := c.backoff << (attempt - 1)
		if !retryFits(ctx, wait+time.Since(start)) {
			return err
		}
		c.logger.InfoContext(ctx, "dialpad retry", "method", method, "path", path,
			"attempt", attempt, "wait", wait, "err", err)
		if werr := sleep(ctx, wait); werr != nil {
			return fmt.Errorf("%w (retry abandoned: %w)", err, werr)
		}
	}
}

// attempt sends one HTTP request and reports whether its failure is worth
// a retry.
func (c *Client) attempt(ctx context.Context, auth *sentAuth, method, path string, q url.Values, payload []byte, out any) (retry bool, err error) {
	if err := c.takeBudget(ctx); err != nil {
		return false, fmt.Errorf("dialpad: %s %s: waiting for rate limiter: %w", method, path, err)
	}
	var sent atomic.Bool // a write went out: its failure may hide a change (outcome.go)
	req, err := c.newRequest(withSentTrace(ctx, &sent), method, path, q, payload)
	if err != nil {
		return false, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		retry, err := transportError(ctx, method, path, err)
		return retry, outcomeUnknownIf(isWrite(method) && sent.Load(), err)
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil && (resp.StatusCode < 400 || resp.StatusCode > 499) {
		// A refusal (4xx) stays one even if its body breaks off.
		retry, err := transportError(ctx, method, path, err)
		return retry, outcomeUnknownIf(isWrite(method), err)
	}
	if len(body) > maxResponseBytes {
		return false, fmt.Errorf("dialpad: %s %s: response larger than %d bytes", method, path, maxResponseBytes)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newAPIError(method, path, resp.StatusCode, resp.Header, body, c.now())
		e.Message = auth.redact(e.Message)
		return e.StatusCode >= 500, e
	}
	// Dialpad accepted the write: it counts even if its answer is unreadable.
	c.observeWrite(method, path, body)
	if out == nil {
		return false, nil
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return false, outcomeUnknownIf(isWrite(method), fmt.Errorf("dialpad: %s %s: empty response body", method, path))
	}
	if err := json.Unmarshal(body, out); err != nil {
		snippet := auth.redact(truncate(string(body), maxSnippetBytes))
		return false, outcomeUnknownIf(isWrite(method),
			fmt.Errorf("dialpad: %s %s: decoding response: %w (body starts %q)", method, path, err, snippet))
	}
	return false, nil
}

// observeWrite tells the write observer, if any, about an accepted write.
func (c *Client) observeWrite(method, path string, answer []byte) {
	if c.wrote == nil {
		return
	}
	switch method {
	case http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete:
		c.wrote(method, path, answer)
	}
}

func (c *Client) newRequest(ctx context.Context, method, path string, q url.Values, payload []byte) (*http.Request, error) {
	u := c.baseURL + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, fmt.Errorf("dialpad: %s %s: %w", method, path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// transportError classifies a failure to get or read a response. The
// url.Error layer is dropped: its URL would repeat the path and query.
func transportError(ctx context.Context, method, path string, err error) (retry bool, _ error) {
	if ue, ok := errors.AsType[*url.Error](err); ok {
		err = ue.Err
	}
	if te, ok := errors.AsType[*tokenError](err); ok {
		return false, tokenAPIError(method, path, te)
	}
	if ctx.Err() != nil {
		// The caller gave up (deadline or cancel): report that, never retry.
		return false, fmt.Errorf("dialpad: %s %s: %w", method, path, err)
	}
	return true, fmt.Errorf("dialpad: %s %s: %w: %w", method, path, ErrUpstream, err)
}

// getOne fetches one resource.
func getOne[T any](ctx context.Context, c *Client, path string) (*T, error) {
	var v T
	if err := c.get(ctx, path, nil, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// sendOne writes in and returns the resource Dialpad answers with.
func sendOne[T any](ctx context.Context, c *Client, method, path string, in any) (*T, error) {
	var v T
	if err := c.send(ctx, method, path, in, &v); err != nil {
		return nil, err
	}
	return &v, nil
}
