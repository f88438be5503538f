package web

import "strings"

// safeNext returns next when it is a path on this site and "/" otherwise.
// "//host" and "/\host" are protocol-relative URLs to browsers, so an
// open redirect; control characters never belong in a Location header.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, `/\`) {
		return "/"
	}
	if strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return "/"
	}
	return next
}
