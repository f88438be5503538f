package spectest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func validator(t *testing.T) *Validator {
	t.Helper()
	v, err := Default()
	if err != nil {
		t.Fatal(err) // a missing spec fails, never skips
	}
	return v
}

// closedRouting is a valid routing_options.closed.
const closedRouting = `"closed": {"action": "voicemail", "try_dial_operators": false}`

func TestCheckRequests(t *testing.T) {
	v := validator(t)
	tests := []struct {
		name, method, target, contentType, body string
		want                                    string // a piece of the one violation; "" = conforms
	}{
		{"a partial PATCH", "PATCH", "/api/v2/callcenters/123", "application/json",
			`{"ring_seconds": 30, "monday_hours": ["08:00", "18:00"]}`, ""},
		{"an integer sent as a string", "PATCH", "/api/v2/callcenters/123", "application/json",
			`{"ring_seconds": "30"}`, "/ring_seconds"},
		{"an empty enum value", "PATCH", "/api/v2/callcenters/123", "application/json",
			`{"routing_options": {"open": {"action": "menu", "try_dial_operators": true, "action_target_type": ""}, ` + closedRouting + `}}`,
			"/routing_options/open/action_target_type"},
		{"a required field missing", "PATCH", "/api/v2/callcenters/123", "application/json",
			`{"routing_options": {"open": {"action": "menu"}, ` + closedRouting + `}}`, "try_dial_operators"},
		{"midnight as 24:00", "PATCH", "/api/v2/departments/123", "application/json",
			`{"sunday_hours": ["22:00", "24:00"]}`, `/sunday_hours/1: "24:00" is not a time of day`},
		{"hours not in pairs", "PATCH", "/api/v2/departments/123", "application/json",
			`{"sunday_hours": ["22:00"]}`, "/sunday_hours: 1 times, not open/close pairs"},
		{"a field the spec does not name", "PATCH", "/api/v2/callrouters/123", "application/json",
			`{"enabled": true, "reset_error_count": true, "colour": "red"}`, "/colour: the spec names no such field"},
		{"a token request as JSON", "POST", "/oauth2/token", "application/json",
			`{"grant_type": "refresh_token", "refresh_token": "r", "client_id": "c", "client_secret": "s"}`, ""},
		{"a token request as a form", "POST", "/oauth2/token", "application/x-www-form-urlencoded",
			`grant_type=refresh_token&refresh_token=r`, "application/x-www-form-urlencoded"},
		{"a bad query parameter", "GET", "/api/v2/callcenters?office_id=abc", "", "", "parameter query office_id"},
		{"a bad path parameter", "PATCH", "/api/v2/customivrs/callcenter/1/NOT_A_TYPE", "application/json",
			`{"ivr_id": 5}`, "parameter path ivr_type"},
		{"a body where the spec has none", "POST", "/oauth2/deauthorize", "application/json", `{"x": 1}`, "request"},
		{"a list page of 100", "GET", "/api/v2/callcenters?office_id=1&limit=100&cursor=abc", "", "", ""},
		{"a query parameter the spec does not declare", "GET", "/api/v2/users?office_id=1", "", "", "parameter query office_id"},
		{"a path the spec lacks", "GET", "/api/v2/nothing", "", "", "the spec has no such path"},
		{"a browser's favicon request", "GET", "/favicon.ico", "", "", ""},
		{"an emulator-only path", "POST", "/emulator/callrouters/1/calls", "application/json", `{"calls": 3}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			got := v.Check(Exchange{Request: req, RequestBody: []byte(tt.body), Status: http.StatusBadRequest})
			assertViolations(t, got, "request", tt.want)
		})
	}
}

func TestCheckResponses(t *testing.T) {
	v := validator(t)
	tests := []struct {
		name, method, target string
		status               int
		contentType, body    string
		want                 string
	}{
		{"ids and integers as Dialpad writes them", "GET", "/api/v2/callcenters/1", 200, "application/json",
			`{"id": "5835806903417907", "office_id": "1", "ring_seconds": "30", "hours_on": true, "monday_hours": ["08:00", "18:00"]}`, ""},
		{"an integer that is not one", "GET", "/api/v2/callcenters/1", 200, "application/json",
			`{"id": "12a"}`, "/id"},
		{"an empty string for an integer", "GET", "/api/v2/callcenters/1", 200, "application/json",
			`{"ring_seconds": ""}`, "/ring_seconds"},
		{"an empty enum value in routing options", "GET", "/api/v2/callcenters/1", 200, "application/json",
			`{"routing_options": {"open": {"action": "menu", "try_dial_operators": true, "action_target_type": ""}, ` + closedRouting + `}}`,
			"/routing_options/open/action_target_type"},
		{"midnight as 24:00 in an answer", "GET", "/api/v2/callcenters/1", 200, "application/json",
			`{"id": "1", "friday_hours": ["09:00", "24:00"]}`, `/friday_hours/1: "24:00"`},
		{"an office with hours_on", "GET", "/api/v2/offices/1", 200, "application/json",
			`{"id": "1", "hours_on": true}`, "/hours_on: the spec names no such field"},
		{"a list item out of shape", "GET", "/api/v2/callrouters", 200, "application/json",
			`{"items": [{"id": "1", "default_target_type": ""}]}`, "/items/0/default_target_type"},
		{"not JSON", "GET", "/api/v2/company", 200, "application/json", `<html>`, "not JSON"},
		{"the wrong content type", "GET", "/api/v2/company", 200, "text/html", `<html>`, "text/html"},
		{"a token answer", "POST", "/oauth2/token", 200, "application/json",
			`{"access_token": "a", "refresh_token": "r", "expires_in": 3600, "token_type": "bearer"}`, ""},
		{"an error the spec does not document", "GET", "/api/v2/company", 403, "application/json",
			`{"error": {"code": 403, "message": "nope"}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			if tt.method == "POST" {
				req.Header.Set("Content-Type", "application/json")
			}
			body := ""
			if tt.target == "/oauth2/token" {
				body = `{"grant_type": "refresh_token", "refresh_token": "r"}`
			}
			got := v.Check(Exchange{
				Request: req, RequestBody: []byte(body),
				Status: tt.status, Header: http.Header{"Content-Type": {tt.contentType}}, ResponseBody: []byte(tt.body),
			})
			assertViolations(t, got, "response", tt.want)
		})
	}
}

// assertViolations wants none when want is "", else exactly one on side
// whose schema or message contains want.
func assertViolations(t *testing.T, got []Violation, side, want string) {
	t.Helper()
	if want == "" {
		for _, v := range got {
			t.Errorf("unexpected violation: %s", v)
		}
		return
	}
	if len(got) != 1 {
		t.Fatalf("got %d violations, want one mentioning %q: %v", len(got), want, got)
	}
	if got[0].Side != side || !strings.Contains(got[0].Schema+" "+got[0].Message, want) {
		t.Errorf("got %s, want a %s violation mentioning %q", got[0], side, want)
	}
}
