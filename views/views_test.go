package views

import (
	"context"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

func render(t *testing.T, c templ.Component) string {
	t.Helper()
	var b strings.Builder
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLayout(t *testing.T) {
	base := LayoutData{Title: "Call centers", CSS: "/static/css/app.abc.css", HTMX: "/static/vendor/htmx.min.abc.js", JS: "/static/js/app.abc.js"}
	signedIn := base
	signedIn.SignedIn, signedIn.UserName, signedIn.Role = true, "Ada <Admin>", "Company admin"
	signedIn.Nav, signedIn.Flash = NavCallCenters, "Saved."

	tests := []struct {
		name    string
		data    LayoutData
		want    []string
		notWant []string
	}{
		{
			name: "signed in",
			data: signedIn,
			want: []string{
				"<title>Call centers · Switchboard</title>",
				`href="/static/css/app.abc.css"`, `src="/static/vendor/htmx.min.abc.js"`,
				`data-testid="user-name">Ada &lt;Admin&gt;<`,
				`data-testid="user-role">Company admin<`,
				`<form method="post" action="/logout">`, `data-testid="logout"`,
				`href="/callcenters" class="nav-link is-active" aria-current="page"`,
				`data-testid="flash">Saved.<`,
				`name="htmx-config"`,
			},
			notWant: []string{`data-testid="login"`, "<Admin>"},
		},
		{
			name:    "signed out",
			data:    base,
			want:    []string{`href="/login"`, `data-testid="login"`},
			notWant: []string{`data-testid="logout"`, `class="nav"`, `data-testid="flash"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, Layout(tt.data, templ.Raw("<p>content</p>")))
			if !strings.HasPrefix(out, "<!doctype html>") || !strings.Contains(out, "<p>content</p>") {
				t.Errorf("not a document around the content: %.80q", out)
			}
			for _, s := range tt.want {
				if !strings.Contains(out, s) {
					t.Errorf("layout lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(out, s) {
					t.Errorf("layout has %q", s)
				}
			}
		})
	}
}

func TestRouterRowsRender(t *testing.T) {
	v := RouterList{Rows: []RouterRow{{
		Name:          "Support <night>",
		Office:        "London",
		URL:           RoutingURL{Before: "https://", Host: "route.example.com", After: "/r"},
		DefaultTarget: "Sales", DefaultTargetKind: "Call center",
		Status: Badge{Label: "Disabled", Color: BadgeRed},
	}}}
	out := render(t, RouterResults(v))
	for _, s := range []string{
		`data-testid="router-row"`,
		`>Support &lt;night&gt;<`,
		`<strong class="url-host">route.example.com</strong>`,
		`class="badge badge-red" data-testid="router-status">Disabled<`,
		">1 router<",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("router results lack %q:\n%s", s, out)
		}
	}
}

func TestEmptyResultsOfferToClearFilters(t *testing.T) {
	v := GroupList{Empty: EmptyState{Message: `No call centers match "x" in London.`, ClearHref: "/callcenters"}}
	out := render(t, CallCenterResults(v))
	for _, s := range []string{`No call centers match &#34;x&#34; in London.`, `href="/callcenters"`, "Clear filters"} {
		if !strings.Contains(out, s) {
			t.Errorf("empty state lacks %q:\n%s", s, out)
		}
	}
	if strings.Contains(out, "<table") {
		t.Error("an empty list drew a table")
	}
}
