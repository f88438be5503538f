package dialpad

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
)

// isWrite reports a method that changes something in Dialpad.
func isWrite(method string) bool {
	switch method {
	case http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// withSentTrace returns ctx with a trace that sets sent once the whole
// request went out on a connection. A failure before that point (no
// connection, a refused dial, a token that could not be had) cannot have
// reached Dialpad; one after it may have been applied.
func withSentTrace(ctx context.Context, sent *atomic.Bool) context.Context {
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		WroteRequest: func(info httptrace.WroteRequestInfo) {
			if info.Err == nil {
				sent.Store(true)
			}
		},
	})
}

// outcomeUnknownIf marks err with ErrOutcomeUnknown when unknown is true.
func outcomeUnknownIf(unknown bool, err error) error {
	if !unknown || err == nil {
		return err
	}
	return fmt.Errorf("%w (%w)", err, ErrOutcomeUnknown)
}
