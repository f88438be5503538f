package spectest

import "strings"

// emulatorOnly reports the emulator's own endpoints, which Dialpad does not
// have, so the spec has nothing to check them against. Each is named here
// on purpose: any other path the spec lacks is a violation.
func emulatorOnly(method, path string) bool {
	switch {
	case method == "POST" && path == "/oauth2/authorize":
		// The consent page's Allow/Deny form. On Dialpad the consent page is
		// its web app, not the API; the spec documents only the GET.
		return true
	case method == "GET" && path == "/favicon.ico":
		// Browsers ask every host for it, the consent page's included; the
		// console never does.
		return true
	case method == "GET" && strings.HasPrefix(path, "/emulator/ivrs/"):
		// The audio of a custom IVR, for the demo's player.
		return true
	case method == "POST" && strings.HasPrefix(path, "/emulator/callrouters/"):
		// The demo's "Simulate calls" panel.
		return true
	}
	return false
}

// pending names the known violations that other work in flight fixes, so
// that this branch stays green until it lands. Each entry names its issue
// section. The integrator empties this list once those branches are merged,
// and any entry that still matches then is a bug.
func pending(v Violation) (issue string, ok bool) {
	switch {
	case v.Method == "POST" && v.Route == "/oauth2/token" && v.Side == "request" &&
		strings.Contains(v.Message, `"application/x-www-form-urlencoded"`):
		// x/oauth2 posts a form; the spec documents a JSON body only.
		return "issue 8 §1, token requests as JSON", true
	case strings.Contains(v.Message, `"24:00" is not a time of day`):
		// The console sends end of day as "24:00" and the emulator echoes it.
		return "issue 8 §5, midnight is 23:59", true
	}
	return "", false
}
