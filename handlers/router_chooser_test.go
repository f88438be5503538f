package handlers_test

import (
	"html"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"switchboard/dialpad"
	"switchboard/dialpad/emulator"
)

func TestRouterPageNamesItsTargetWithoutTheLists(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("VIP Customer Router")
	e.Emulator.ResetRequests()
	page := e.b.Get("/routers/" + cr.ID.String())
	if page.StatusCode != http.StatusOK {
		t.Fatalf("GET: %d", page.StatusCode)
	}
	// The router, the offices (for the office select) and the one target.
	var got []string
	for _, r := range e.Emulator.Requests() {
		got = append(got, r.Method+" "+r.Path)
	}
	want := []string{"GET /api/v2/callrouters/" + cr.ID.String(), "GET /api/v2/offices", "GET /api/v2/callcenters/" + cr.DefaultTargetID.String()}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the page asked Dialpad for\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if name := testText(page.Body, "default-target-name"); name != "Sales (call center)" {
		t.Errorf("default target shows as %q", name)
	}
	if strings.Contains(page.Body, `data-testid="input-default-target"`) {
		t.Error("the select with every target is on the page before anyone asked for it")
	}
	if f := formOf(t, page.Body, "router-form"); f.Get("default_target") != "callcenter:"+cr.DefaultTargetID.String() {
		t.Errorf("the form carries default_target %q", f.Get("default_target"))
	}

	// The same page within half a minute asks Dialpad for nothing.
	e.Emulator.ResetRequests()
	e.b.Get("/routers/" + cr.ID.String())
	if rs := e.Emulator.Requests(); len(rs) != 0 {
		t.Errorf("a warm router page made %d Dialpad calls, want 0", len(rs))
	}
}

func TestRouterTargetChooser(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("VIP Customer Router")
	tier1 := e.callCenter("Support Tier 1")
	warehouse := e.department("Warehouse Operations")
	page := e.b.Get("/routers/" + cr.ID.String())
	link := regexp.MustCompile(`<a[^>]*href="([^"]*)"[^>]*hx-get="([^"]*)"[^>]*data-testid="choose-target"`).FindStringSubmatch(page.Body)
	if link == nil {
		t.Fatalf("no Choose another… link:\n%s", testText(page.Body, "default-target-field"))
	}
	noJS, withJS := html.UnescapeString(link[1]), html.UnescapeString(link[2])
	selected := `<option value="callcenter:` + cr.DefaultTargetID.String() + `" selected>Sales (call center)</option>`

	tests := []struct {
		name    string
		get     func() (int, string)
		partial bool
	}{
		{"htmx", func() (int, string) { r := e.b.HTMX(http.MethodGet, withJS, nil); return r.StatusCode, r.Body }, true},
		{"no JavaScript", func() (int, string) { r := e.b.Get(noJS); return r.StatusCode, r.Body }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := tt.get()
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			if tt.partial == strings.Contains(body, "<html") {
				t.Errorf("partial %v, got a whole page: %v", tt.partial, strings.Contains(body, "<html"))
			}
			if !strings.Contains(body, selected) {
				t.Error("the chooser does not keep the current target selected")
			}
			for _, opt := range []string{
				`<option value="callcenter:` + tier1.ID.String() + `">Support Tier 1 (call center)</option>`,
				`<option value="department:` + warehouse.ID.String() + `">Warehouse Operations (department)</option>`,
			} {
				if !strings.Contains(body, opt) {
					t.Errorf("the chooser lacks %s", opt)
				}
			}
			for _, group := range []string{"Offices", "Departments", "Call centers", "Users"} {
				if !strings.Contains(body, `<optgroup label="`+group+`">`) {
					t.Errorf("no %s group", group)
				}
			}
		})
	}

	// Choosing another target sends exactly the two fields that change.
	for _, tt := range []struct {
		name, value, want string
	}{
		{"another call center", "callcenter:" + tier1.ID.String(), `{"default_target_id":` + tier1.ID.String() + `}`},
		{"a department", "department:" + warehouse.ID.String(), `{"default_target_id":` + warehouse.ID.String() + `,"default_target_type":"department"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st := signedIn(t, emulator.AdminUserID)
			_, form := st.openRouter(cr.ID)
			res := st.b.PostForm("/routers/"+cr.ID.String(), with(form, "default_target", tt.value))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save answered %d:\n%s", res.StatusCode, testText(res.Body, "form-problems"))
			}
			st.onePatch("/api/v2/callrouters/"+cr.ID.String(), tt.want)
		})
	}

	if res := e.b.Get(withJS); res.StatusCode != http.StatusSeeOther || res.Location() != e.URL+noJS {
		t.Errorf("a plain visit to the chooser answered %d to %q, want 303 to %s", res.StatusCode, res.Location(), noJS)
	}
	manager := e.LoginAs(t, emulator.ManagerUserID)
	if strings.Contains(manager.Get("/routers/"+cr.ID.String()).Body, `data-testid="choose-target"`) {
		t.Error("a manager, who cannot edit, is offered to choose a target")
	}
}

func TestDisabledRoutersCallout(t *testing.T) {
	e := signedIn(t, emulator.SupportUserID)
	hotline := e.router("Carrier Hotline Router")
	vip := e.router("VIP Customer Router")
	tests := []struct {
		name    string
		disable []string // routers disabled in Dialpad first
		enable  []string
		title   string
		links   []string
	}{
		{"the seed", nil, nil, "1 call router is disabled", []string{"Carrier Hotline Router"}},
		{"two", []string{"VIP Customer Router"}, nil, "2 call routers are disabled", []string{"Carrier Hotline Router", "VIP Customer Router"}},
		{"none", nil, []string{"Carrier Hotline Router", "VIP Customer Router"}, "", nil},
	}
	ids := map[string]string{hotline.Name: hotline.ID.String(), vip.Name: vip.ID.String()}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range tt.disable {
				e.setEnabled(n, false)
			}
			for _, n := range tt.enable {
				e.setEnabled(n, true)
			}
			for _, path := range []string{"/", "/routers"} {
				// Dialpad changed behind the console's back: Refresh shows it.
				body := e.b.Get(path + "?refresh=1").Body
				if got := testText(body, "disabled-routers-title"); got != tt.title {
					t.Errorf("%s: callout %q, want %q", path, got, tt.title)
				}
				callout := testText(body, "disabled-routers")
				for _, n := range tt.links {
					if !strings.Contains(body, `href="/routers/`+ids[n]+`" data-testid="disabled-router-link">`+n) || !strings.Contains(callout, n) {
						t.Errorf("%s: the callout does not link %s", path, n)
					}
				}
			}
		})
	}
}

// setEnabled turns a router on or off in Dialpad, as if done elsewhere.
func (e *stack) setEnabled(name string, on bool) {
	e.t.Helper()
	cr := e.router(name)
	if err := e.Emulator.MutateCallRouter(cr.ID, func(r *dialpad.CallRouter) { r.Enabled = on }); err != nil {
		e.t.Fatal(err)
	}
}

// When Dialpad fails to list the targets, the chooser stays closed with a
// note and its button to try again; the page and the choice are kept.
func TestRouterTargetChooserWhenListsFail(t *testing.T) {
	e := signedIn(t, emulator.AdminUserID)
	cr := e.router("VIP Customer Router")
	page := e.b.Get("/routers/" + cr.ID.String())
	t.Cleanup(e.Emulator.InjectFault(emulator.Fault{Method: "GET", Path: "/api/v2/users", Status: 503}))
	chooser := html.UnescapeString(regexp.MustCompile(`hx-get="([^"]*)"[^>]*data-testid="choose-target"`).FindStringSubmatch(page.Body)[1])

	res := e.b.HTMX(http.MethodGet, chooser, nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if !strings.Contains(testText(res.Body, "targets-note"), "could not be loaded") {
		t.Errorf("no note saying the lists failed: %q", testText(res.Body, "targets-note"))
	}
	if testText(res.Body, "default-target-name") != "Sales (call center)" || !strings.Contains(res.Body, `name="default_target" value="callcenter:`+cr.DefaultTargetID.String()+`"`) {
		t.Error("the current choice is not kept")
	}
	if !strings.Contains(res.Body, `data-testid="choose-target"`) {
		t.Error("no button to try again")
	}

	// Without JavaScript: the page itself, with the same note.
	full := e.b.Get("/routers/" + cr.ID.String() + "?choose=target")
	if full.StatusCode != http.StatusOK || !strings.Contains(testText(full.Body, "targets-note"), "could not be loaded") {
		t.Errorf("no-JS chooser with failing lists: status %d, note %q", full.StatusCode, testText(full.Body, "targets-note"))
	}
}
