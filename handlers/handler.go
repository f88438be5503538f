// Package handlers holds one file per page or action. Handlers are methods
// on Handler, which carries the dependencies every page needs; the signed-in
// person and their Dialpad client arrive per request through the context.
package handlers

import (
	"log/slog"
	"time"

	"github.com/alexedwards/scs/v2"

	"switchboard/static"
)

// Handler holds the dependencies shared by every page. web builds one at
// start-up; it is read-only afterwards.
type Handler struct {
	Logger   *slog.Logger
	Sessions *scs.SessionManager // flash messages live in the session
	Assets   *static.Assets
	FormKey  []byte           // seals the base a form was rendered from (handlers/formstate)
	Now      func() time.Time // injectable clock for "open now" and rate-limit hints
}
