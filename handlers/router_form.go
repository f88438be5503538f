package handlers

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"switchboard/dialpad"
	"switchboard/views"
)

// Dialpad's limits on a router's fields.
const (
	maxRouterName    = 100
	minRouterSecret  = 32
	maxRouterSecret  = 512 // no spec limit; a bound keeps forms and logs sane
	maxRoutingURL    = 2048
	maxRouterFormLen = 128 << 10 // the sealed base is a few hundred bytes
)

// routerForm is the settings form as typed. Field names follow the API:
// name, routing_url, default_target ("type:id" for default_target_type and
// default_target_id), office_id, enabled; plus the secret choice and
// reset_error_count, which are actions rather than fields.
type routerForm struct {
	Name          string
	RoutingURL    string
	DefaultTarget string // as submitted
	OfficeID      string // as submitted
	Enabled       bool

	SecretAction    string // views.SecretKeep, SecretGenerate or SecretPaste
	Secret          string // pasted; never logged, never sealed
	ResetErrorCount bool

	Conflict map[string]string // the conflict panel's choices, by field

	target      target     // parsed DefaultTarget
	officeID    dialpad.ID // parsed OfficeID
	FieldErrors map[string]string
}

// formFromRouter is the form showing a router as it is.
func formFromRouter(cr dialpad.CallRouter) routerForm {
	return routerForm{
		Name:          cr.Name,
		RoutingURL:    cr.RoutingURL,
		DefaultTarget: target{cr.DefaultTargetType, cr.DefaultTargetID}.value(),
		OfficeID:      optionalID(cr.OfficeID),
		Enabled:       cr.Enabled,
		SecretAction:  views.SecretKeep,
		target:        target{cr.DefaultTargetType, cr.DefaultTargetID},
		officeID:      cr.OfficeID,
	}
}

// parseRouterForm reads the submitted form; r.ParseForm has run. base is
// the form as first shown (the router's values, or a new router's
// defaults): a field the post says nothing about keeps it (see
// postedValues). The name is kept as typed, for its checks and the page;
// apply normalises it.
func parseRouterForm(r *http.Request, base routerForm) routerForm {
	v := r.PostForm
	f := routerForm{
		Name:            base.Name,
		RoutingURL:      base.RoutingURL,
		DefaultTarget:   base.DefaultTarget,
		OfficeID:        base.OfficeID,
		Enabled:         base.Enabled,
		SecretAction:    v.Get("secret_action"),
		Secret:          v.Get("secret"),
		ResetErrorCount: v.Get("reset_error_count") == "true",
		Conflict:        conflictChoices(v),
	}
	postedString(v, "name", &f.Name)
	postedString(v, "routing_url", &f.RoutingURL)
	postedString(v, "default_target", &f.DefaultTarget)
	postedString(v, "office_id", &f.OfficeID)
	postedBool(v, "enabled", &f.Enabled)
	f.RoutingURL = strings.TrimSpace(f.RoutingURL)
	f.DefaultTarget = strings.TrimSpace(f.DefaultTarget)
	f.OfficeID = strings.TrimSpace(f.OfficeID)
	switch f.SecretAction {
	case views.SecretGenerate, views.SecretPaste:
	default:
		f.SecretAction = views.SecretKeep
	}
	// A pasted secret is only kept for the form that means to set it.
	if f.SecretAction != views.SecretPaste {
		f.Secret = ""
	}
	return f
}

// validate checks every field and records a message per problem. t checks
// that the target and office exist; nil (lists not loaded) leaves that to
// Dialpad. keep is the router's current target, valid even when the
// chooser does not list its kind; keepName its name ("" for a new router),
// which goes back untouched whatever it holds.
func (f *routerForm) validate(t *routerTargets, keep target, keepName string) {
	f.FieldErrors = map[string]string{}
	switch n := utf8.RuneCountInString(dialpad.NormalizeLine(f.Name)); {
	case n == 0:
		f.FieldErrors["name"] = "Give the router a name."
	case n > maxRouterName:
		f.FieldErrors["name"] = fmt.Sprintf("Keep the name to %d characters or fewer; it has %d.", maxRouterName, n)
	default:
		if msg := lineProblem(f.Name, keepName, dialpad.NormalizeLine); msg != "" {
			f.FieldErrors["name"] = msg
		}
	}
	if msg := checkRoutingURL(f.RoutingURL); msg != "" {
		f.FieldErrors["routing_url"] = msg
	}

	tg, err := parseTarget(f.DefaultTarget)
	switch {
	case f.DefaultTarget == "":
		f.FieldErrors["default_target"] = "Choose where calls go when the routing URL fails."
	case err != nil:
		f.FieldErrors["default_target"] = "Choose the default target from the list."
	case tg != keep && t != nil && !t.has(tg):
		f.FieldErrors["default_target"] = "That target is not in Dialpad any more; choose another."
	default:
		f.target = tg
	}

	id, err := dialpad.ParseID(f.OfficeID)
	switch {
	case f.OfficeID == "":
		f.FieldErrors["office_id"] = "Choose the office the router belongs to."
	case err != nil || id == 0 || !t.hasOffice(id):
		f.FieldErrors["office_id"] = "Choose the office from the list."
	default:
		f.officeID = id
	}

	if f.SecretAction == views.SecretPaste {
		if msg := checkSecret(f.Secret); msg != "" {
			f.FieldErrors["secret"] = msg
		}
	}
}

// has reports whether the chooser lists the target.
func (t *routerTargets) has(tg target) bool {
	_, ok := t.name(tg)
	return ok
}

// valid reports that validate found nothing.
func (f *routerForm) valid() bool { return len(f.FieldErrors) == 0 }

// problems lists the messages in the order of the form.
func (f *routerForm) problems() []string {
	var out []string
	for _, k := range []string{"name", "routing_url", "default_target", "office_id", "secret"} {
		if msg := f.FieldErrors[k]; msg != "" {
			out = append(out, msg)
		}
	}
	return out
}

// apply is cr with the form's fields: the person's version of the router.
func (f *routerForm) apply(cr dialpad.CallRouter) dialpad.CallRouter {
	cr.Name = dialpad.NormalizeLine(f.Name)
	cr.RoutingURL = f.RoutingURL
	cr.DefaultTargetType, cr.DefaultTargetID = f.target.kind, f.target.id
	cr.OfficeID = f.officeID
	cr.Enabled = f.Enabled
	return cr
}

// checkRoutingURL says what is wrong with a routing URL, or "". Dialpad
// calls it from the internet, so it must be absolute https; plain http only
// makes sense for a service on the same machine (demo, development).
func checkRoutingURL(raw string) string {
	if raw == "" {
		return "Enter the routing URL Dialpad should ask about each call."
	}
	if len(raw) > maxRoutingURL {
		return fmt.Sprintf("Keep the routing URL under %d characters.", maxRoutingURL)
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() || u.Host == "" || u.Hostname() == "" ||
		strings.ContainsFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return "Enter a full URL, like https://routing.example.com/dialpad."
	}
	switch u.Scheme {
	case "https":
		return ""
	case "http":
		if isLoopbackHost(u.Hostname()) {
			return ""
		}
		return "Use https://. Plain http:// is only allowed for a service on this machine (localhost)."
	}
	return "The routing URL must start with https://."
}

// isLoopbackHost is localhost or a loopback address.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
