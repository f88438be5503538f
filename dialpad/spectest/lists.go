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
