package handlers

import (
	"fmt"
	"runtime/debug"

	"golang.org/x/sync/errgroup"
)

// fanOut runs a page's concurrent Dialpad calls: an errgroup.Group whose
// goroutines recover. A panic in one becomes, with its stack, the error
// Wait returns, so the request answers the 500 page (ServerError logs it)
// as web's recoverPanics does for the handler's own goroutine, instead of
// crashing the process. Its zero value is ready; it must not be copied.
type fanOut struct {
	g errgroup.Group
}

// SetLimit bounds the goroutines running at once (errgroup.Group.SetLimit).
func (f *fanOut) SetLimit(n int) { f.g.SetLimit(n) }

// Go runs fn in its own goroutine. fn reports its own errors (each call
// site keeps them per call); only a panic reaches Wait.
func (f *fanOut) Go(fn func()) {
	f.g.Go(func() (err error) {
		defer func() {
			if rec := recover(); rec != nil {
				err = fmt.Errorf("panic in a concurrent call: %v\n%s", rec, debug.Stack())
			}
		}()
		fn()
		return nil
	})
}

// Wait waits for every goroutine and returns the first panic, as an error.
func (f *fanOut) Wait() error { return f.g.Wait() }
