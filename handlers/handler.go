// Package handlers holds one file per page or action. Handlers are methods
// on Handler, which carries the dependencies every page needs; the signed-in
// person and their Dialpad client arrive per request through the context.
package handlers

import (
	"switchboard/handlers/access"
	"switchboard/handlers/audit"

	"log/slog"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"

	"switchboard/handlers/formstate"
	"switchboard/static"
)

// Handler holds the dependencies shared by every page. web builds one at
// start-up and sets the exported fields then, never after; the unexported
// caches below are ready at their zero value and guard themselves, so a
// Handler is used through one pointer and never copied.
type Handler struct {
	Logger   *slog.Logger
	Sessions *scs.SessionManager // flash messages live in the session
	Assets   *static.Assets
	FormKey  []byte           // seals the base a form was rendered from (handlers/formstate)
	Now      func() time.Time // injectable clock for "open now" and rate-limit hints

	// AllowPrivateRoutingURLs lets the router endpoint tester reach
	// loopback and private addresses (demo mode, tests).
	AllowPrivateRoutingURLs bool
	// RoutingTimeout is how long the router endpoint tester waits for an
	// answer; zero means Dialpad's own limit, 5 seconds. Tests shorten it.
	RoutingTimeout time.Duration
	// DialpadDeadline is how long one page may spend on all its Dialpad
	// calls together (PageDeadline); zero means 10 seconds. Tests shorten it.
	DialpadDeadline time.Duration
	// Demo simulates calls on routers in demo mode; nil otherwise.
	Demo DemoControl
	// Mode says whose credential Dialpad calls carry: each person's own
	// token, or the company API key (then Switchboard's roles are the only
	// guard). web sets it from configuration.
	Mode access.Mode
	// Grants are the roles the company gave people in Switchboard; nil
	// (tests without a database) means nobody has a grant.
	Grants access.Store
	// Audit keeps the record of every write sent to Dialpad and every grant
	// change; nil records nothing (tests without a database).
	Audit AuditLog
	// IVRAudio plays custom IVRs in the page through /ivrs/audio/{id},
	// which relays the emulator's audio URL; real Dialpad has none, so web
	// sets it in demo mode only.
	IVRAudio bool
	// routerChanges remembers when this console last changed each router
	// (router_changes.go). Zero value ready; it guards itself.
	routerChanges routerChanges
	// cache keeps Dialpad reads for a short while, per scope (cache.go).
	// Set up on first use through caches(); it guards itself, so Handler
	// must not be copied.
	cache     handlerCaches
	cacheInit sync.Once
	// sealer seals form bases (form_seal.go), reusing its compressors.
	// Zero value ready.
	sealer formstate.Sealer
}

// AuditLog records audit entries and reads them back for /audit.
type AuditLog interface {
	audit.Recorder
	audit.Query
}
