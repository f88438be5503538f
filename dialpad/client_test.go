package dialpad

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestEndpoints checks every method's HTTP verb, path, query and body
// against the spec, and that the answer (ids as strings, as Dialpad sends
// them) decodes.
func TestEndpoints(t *testing.T) {
	tests := []struct {
		name      string
		call      func(context.Context, *Client) (any, error)
		method    string
		path      string
		query     string
		body      string // JSON the request must carry; "" means no body
		answer    string
		wantValue any
	}{
		{name: "Me", method: "GET", path: "/api/v2/users/me",
			call:   func(ctx context.Context, c *Client) (any, error) { u, err := c.Me(ctx); return deref(u).ID, err },
			answer: `{"id":"11","display_name":"Ada"}`, wantValue: ID(11)},
		{name: "User", method: "GET", path: "/api/v2/users/12",
			call: func(ctx context.Context, c *Client) (any, error) {
				u, err := c.User(ctx, 12)
				return deref(u).DisplayName, err
			},
			answer: `{"id":"12","display_name":"Bob"}`, wantValue: "Bob"},
		{name: "Users", method: "GET", path: "/api/v2/users", query: "limit=100&office_id=4",
			call: func(ctx context.Context, c *Client) (any, error) {
				us, err := c.Users(ctx, ListFilter{OfficeID: 4, NameSearch: "ignored"})
				return len(us), err
			},
			answer: `{"items":[{"id":"1"},{"id":"2"}]}`, wantValue: 2},
		{name: "Company", method: "GET", path: "/api/v2/company",
			call: func(ctx context.Context, c *Client) (any, error) {
				co, err := c.Company(ctx)
				return deref(co).OfficeCount, err
			},
			answer: `{"id":"1","name":"Acme","office_count":"3"}`, wantValue: Int(3)},
		{name: "Offices", method: "GET", path: "/api/v2/offices", query: "limit=100",
			call:   func(ctx context.Context, c *Client) (any, error) { os, err := c.Offices(ctx); return len(os), err },
			answer: `{"items":[{"id":"4","timezone":"Europe/Paris"}],"cursor":null}`, wantValue: 1},
		{name: "Office", method: "GET", path: "/api/v2/offices/4",
			call: func(ctx context.Context, c *Client) (any, error) {
				o, err := c.Office(ctx, 4)
				return deref(o).Timezone, err
			},
			answer: `{"id":"4","timezone":"Europe/Paris"}`, wantValue: "Europe/Paris"},
		{name: "CallCenters", method: "GET", path: "/api/v2/callcenters", query: "limit=100&name_search=sup&office_id=4",
			call: func(ctx context.Context, c *Client) (any, error) {
				cs, err := c.CallCenters(ctx, ListFilter{OfficeID: 4, NameSearch: "sup"})
				return len(cs), err
			},
			answer: `{"items":[{"id":"7"}]}`, wantValue: 1},
		{name: "CallCenters unfiltered", method: "GET", path: "/api/v2/callcenters", query: "limit=100",
			call: func(ctx context.Context, c *Client) (any, error) {
				cs, err := c.CallCenters(ctx, ListFilter{})
				return len(cs), err
			},
			answer: `{"items":[]}`, wantValue: 0},
		{name: "CallCenter", method: "GET", path: "/api/v2/callcenters/7",
			call: func(ctx context.Context, c *Client) (any, error) {
				cc, err := c.CallCenter(ctx, 7)
				return deref(cc).RingSeconds, err
			},
			answer: `{"id":"7","ring_seconds":"30"}`, wantValue: Int(30)},
		{name: "CallCenterStatus", method: "GET", path: "/api/v2/callcenters/7/status",
			call: func(ctx context.Context, c *Client) (any, error) {
				s, err := c.CallCenterStatus(ctx, 7)
				return deref(s).Availability.Status, err
			},
			answer: `{"availability":{"status":"open"},"pending":"2"}`, wantValue: "open"},
		{name: "UpdateCallCenter", method: "PATCH", path: "/api/v2/callcenters/7", body: `{"ring_seconds":25}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				cc, err := c.UpdateCallCenter(ctx, 7, map[string]any{"ring_seconds": 25})
				return deref(cc).RingSeconds, err
			},
			answer: `{"id":"7","ring_seconds":"25"}`, wantValue: Int(25)},
		{name: "Departments", method: "GET", path: "/api/v2/departments", query: "limit=100&name_search=ops&office_id=5",
			call: func(ctx context.Context, c *Client) (any, error) {
				ds, err := c.Departments(ctx, ListFilter{OfficeID: 5, NameSearch: "ops"})
				return len(ds), err
			},
			answer: `{"items":[{"id":"8"},{"id":"9"}]}`, wantValue: 2},
		{name: "Department", method: "GET", path: "/api/v2/departments/8",
			call: func(ctx context.Context, c *Client) (any, error) {
				d, err := c.Department(ctx, 8)
				return deref(d).Name, err
			},
			answer: `{"id":"8","name":"Ops"}`, wantValue: "Ops"},
		{name: "UpdateDepartment", method: "PATCH", path: "/api/v2/departments/8", body: `{"hours_on":true,"monday_hours":["08:00","12:00"]}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				d, err := c.UpdateDepartment(ctx, 8, map[string]any{"hours_on": true, "monday_hours": []string{"08:00", "12:00"}})
				return len(deref(d).MondayHours), err
			},
			answer: `{"id":"8","hours_on":true,"monday_hours":["08:00","12:00"]}`, wantValue: 2},
		{name: "CallRouters", method: "GET", path: "/api/v2/callrouters", query: "limit=100&office_id=4",
			call: func(ctx context.Context, c *Client) (any, error) {
				rs, err := c.CallRouters(ctx, ListFilter{OfficeID: 4, NameSearch: "ignored"})
				return len(rs), err
			},
			answer: `{"items":[{"id":"20","enabled":false}]}`, wantValue: 1},
		{name: "CallRouter", method: "GET", path: "/api/v2/callrouters/20",
			call: func(ctx context.Context, c *Client) (any, error) {
				r, err := c.CallRouter(ctx, 20)
				return deref(r).Enabled, err
			},
			answer: `{"id":"20","enabled":true}`, wantValue: true},
		{name: "CreateCallRouter", method: "POST", path: "/api/v2/callrouters",
			body: `{"name":"R","office_id":4,"routing_url":"https://x.test/r","default_target_id":7,"default_target_type":"callcenter","enabled":true}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				r, err := c.CreateCallRouter(ctx, CreateCallRouter{Name: "R", OfficeID: 4, RoutingURL: "https://x.test/r",
					DefaultTargetID: 7, DefaultTargetType: TargetCallCenter, Enabled: true})
				return deref(r).ID, err
			},
			answer: `{"id":"21","name":"R"}`, wantValue: ID(21)},
		{name: "UpdateCallRouter", method: "PATCH", path: "/api/v2/callrouters/20", body: `{"enabled":true,"reset_error_count":true}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				r, err := c.UpdateCallRouter(ctx, 20, map[string]bool{"enabled": true, "reset_error_count": true})
				return deref(r).Enabled, err
			},
			answer: `{"id":"20","enabled":true}`, wantValue: true},
		{name: "DeleteCallRouter", method: "DELETE", path: "/api/v2/callrouters/20",
			call:   func(ctx context.Context, c *Client) (any, error) { return nil, c.DeleteCallRouter(ctx, 20) },
			answer: ``, wantValue: nil},
		{name: "AssignCallRouterNumber", method: "POST", path: "/api/v2/callrouters/20/assign_number", body: `{"area_code":"415","primary":true}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				n, err := c.AssignCallRouterNumber(ctx, 20, AssignNumber{AreaCode: "415", Primary: true})
				return deref(n).Number, err
			},
			answer: `{"number":"+14155550100","target_id":"20"}`, wantValue: "+14155550100"},
		{name: "CustomIVRs", method: "GET", path: "/api/v2/customivrs", query: "limit=100&target_id=7&target_type=callcenter",
			call: func(ctx context.Context, c *Client) (any, error) {
				ts, err := c.CustomIVRs(ctx, TargetCallCenter, 7)
				if len(ts) != 1 {
					return len(ts), err
				}
				return ts[0].IVRs[0].ID, err
			},
			answer: `{"items":[{"ivr_type":"closed_menu","ivrs":[{"id":"300","selected":true}]}]}`, wantValue: ID(300)},
		{name: "CreateCustomIVR", method: "POST", path: "/api/v2/customivrs",
			body: `{"name":"Night","file":"AQI=","ivr_type":"closed_menu","target_id":7,"target_type":"callcenter"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				v, err := c.CreateCustomIVR(ctx, CreateCustomIVR{Name: "Night", File: []byte{1, 2}, IVRType: "closed_menu",
					TargetID: 7, TargetType: TargetCallCenter})
				return deref(v).ID, err
			},
			answer: `{"id":"301","name":"Night"}`, wantValue: ID(301)},
		{name: "AssignCustomIVR", method: "PATCH", path: "/api/v2/customivrs/callcenter/7/closed_menu", body: `{"ivr_id":301}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				v, err := c.AssignCustomIVR(ctx, TargetCallCenter, 7, "closed_menu", AssignCustomIVR{IVRID: 301})
				return deref(v).IVRType, err
			},
			answer: `{"ivr_type":"closed_menu","ivrs":[{"id":"301","selected":true}]}`, wantValue: "closed_menu"},
		{name: "UnassignCustomIVR", method: "DELETE", path: "/api/v2/customivrs/callcenter/7/closed_menu", body: `{"ivr_id":301}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.UnassignCustomIVR(ctx, TargetCallCenter, 7, "closed_menu", AssignCustomIVR{IVRID: 301})
			},
			answer: `{"id":"301","selected":false}`, wantValue: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, tt.answer) })
			got, err := tt.call(t.Context(), f.client())
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if got != tt.wantValue {
				t.Errorf("decoded %#v, want %#v", got, tt.wantValue)
			}
			reqs := f.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != tt.method || r.Path != tt.path || r.RawQuery != tt.query {
				t.Errorf("sent %s %s?%s, want %s %s?%s", r.Method, r.Path, r.RawQuery, tt.method, tt.path, tt.query)
			}
			if tt.body == "" {
				if r.Body != "" || r.Header.Get("Content-Type") != "" {
					t.Errorf("sent body %q (Content-Type %q), want none", r.Body, r.Header.Get("Content-Type"))
				}
			} else {
				if !jsonEqual(t, r.Body, tt.body) {
					t.Errorf("sent body %s, want %s", r.Body, tt.body)
				}
				if ct := r.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q", ct)
				}
			}
			if a := r.Header.Get("Accept"); a != "application/json" {
				t.Errorf("Accept %q", a)
			}
			if ua := r.Header.Get("User-Agent"); ua != "switchboard" {
				t.Errorf("User-Agent %q", ua)
			}
		})
	}
}

func TestBaseURLForms(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, `{"id":"1"}`) })
	for _, base := range []string{f.URL, f.URL + "/", f.URL + "//"} {
		if _, err := New(base).Company(t.Context()); err != nil {
			t.Fatalf("base %q: %v", base, err)
		}
	}
	for _, r := range f.requests() {
		if r.Path != "/api/v2/company" {
			t.Errorf("path %q, want /api/v2/company", r.Path)
		}
	}
}

func TestOversizedAndUndecodableAnswers(t *testing.T) {
	huge := `{"name":"` + strings.Repeat("x", maxResponseBytes) + `"}`
	tests := []struct {
		name, body, want string
	}{
		{"too large", huge, "response larger than"},
		{"not JSON", "<html>" + strings.Repeat("y", 500) + "</html>", "decoding response"},
		{"empty", "", "empty response body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request) { answer(w, http.StatusOK, tt.body) })
			_, err := f.client().Company(t.Context())
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
			if !strings.Contains(err.Error(), "GET /api/v2/company") {
				t.Errorf("error %q does not name the request", err)
			}
			if len(err.Error()) > 500 {
				t.Errorf("error is %d bytes long; the body must be cut to %d", len(err.Error()), maxSnippetBytes)
			}
			if n := len(f.requests()); n != 1 {
				t.Errorf("%d requests, want 1 (a bad body is not worth a retry)", n)
			}
		})
	}
}

func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

func jsonEqual(t *testing.T, a, b string) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal([]byte(a), &va); err != nil {
		t.Fatalf("bad JSON %q: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &vb); err != nil {
		t.Fatalf("bad JSON %q: %v", b, err)
	}
	ja, _ := json.Marshal(va)
	jb, _ := json.Marshal(vb)
	return string(ja) == string(jb)
}
