package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"switchboard/dialpad/emulator"
)

// An oversized form, on any editor, is refused before it is parsed: a
// plain 400 and nothing sent to Dialpad.
func TestOversizedFormIsRefused(t *testing.T) {
	s := signedIn(t, emulator.AdminUserID)
	paths := []string{
		"/callcenters/" + s.callCenter("Sales").ID.String(),
		"/routers/" + s.router("Shipment Status Lookup").ID.String(),
		"/ivrs/callcenter/" + s.callCenter("Sales").ID.String(),
		"/hours/bulk",
	}
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			s.Emulator.ResetRequests()
			res := s.b.PostForm(path, url.Values{"name": {strings.Repeat("x", 2<<20)}})
			mustStatus(t, res, http.StatusBadRequest)
			if !strings.Contains(res.Body, "The form could not be read") {
				t.Errorf("page does not say the form could not be read:\n%s", res.Body)
			}
			s.nothingSent()
		})
	}
}
