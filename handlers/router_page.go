package handlers

import (
	"context"
	"net/http"
	"net/url"

	"github.com/a-h/templ"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// routerPage is what one router page shows: the router, and how the last
// request left the forms on it. The zero value of each part shows the
// router as it is.
type routerPage struct {
	router  dialpad.CallRouter // the header, and the panels
	base    dialpad.CallRouter // sealed into the settings form
	targets *routerTargets     // names; nil when Dialpad could not be read
	form    *routerForm        // nil: the router's own values
	// choose opens the default target's select, whose lists are read only
	// when the person asks (?choose=target without JavaScript).
	choose bool

	conflict  views.ConflictPanel
	message   string // a problem with the last action
	done      string // a success shown in place (with a new secret)
	newSecret string // shown once
	numbers   views.RouterNumbers
	test      views.RouterTester
	// partial picks what an htmx request gets instead of the whole page;
	// nil: the whole page.
	partial func(views.RouterEditor) templ.Component
}

// routerSealKind names a router's sealed base; the id keeps a base from
// being replayed into another router's form.
func routerSealKind(id dialpad.ID) string { return "callrouter:" + id.String() }

// sealRouter seals the base of a settings form. The secret is cleared
// first: Dialpad does not return it, and if it ever did, it must not
// travel in a page.
func (h *Handler) sealRouter(cr dialpad.CallRouter) (string, error) {
	if cr.Signature != nil {
		sig := *cr.Signature
		sig.Secret = ""
		cr.Signature = &sig
	}
	return h.seal(routerSealKind(cr.ID), cr)
}

// loadRouterPage reads the router and names its default target; with
// choose, it reads the chooser's lists at the same time. Names only label
// things: when they fail, the page still shows, with a note.
func (h *Handler) loadRouterPage(ctx context.Context, who *Identity, routerID dialpad.ID, choose bool) (*dialpad.CallRouter, *routerTargets, error) {
	if choose {
		var (
			g       fanOut
			lists   *routerTargets
			listErr error
		)
		g.Go(func() { lists, listErr = h.routerTargets(ctx, who) })
		cr, err := who.Client.CallRouter(ctx, routerID)
		if perr := g.Wait(); perr != nil {
			return nil, nil, perr
		}
		if err != nil {
			return nil, nil, err
		}
		if listErr == nil {
			return cr, lists, nil
		}
		h.logger().WarnContext(ctx, "router targets not loaded", "router_id", routerID, "err", listErr)
		t, _ := h.routerNames(ctx, who, target{cr.DefaultTargetType, cr.DefaultTargetID})
		return cr, t, nil
	}
	cr, err := who.Client.CallRouter(ctx, routerID)
	if err != nil {
		return nil, nil, err
	}
	t, err := h.routerNames(ctx, who, target{cr.DefaultTargetType, cr.DefaultTargetID})
	if err != nil {
		h.logger().WarnContext(ctx, "router target names not loaded", "router_id", routerID, "err", err)
	}
	return cr, t, nil
}

// renderRouterPage renders the page with status.
func (h *Handler) renderRouterPage(w http.ResponseWriter, r *http.Request, status int, p routerPage) {
	v, err := h.routerView(r, p)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	if p.newSecret != "" {
		// The one page that holds a secret must not be kept anywhere.
		w.Header().Set("Cache-Control", "no-store")
	}
	var partial templ.Component
	if p.partial != nil {
		partial = p.partial(v)
	}
	h.Render(w, r, status, views.RouterEditPage(h.layout(r, v.Header.Name, views.NavRouters), v), partial)
}

// routerView builds the page's view model.
func (h *Handler) routerView(r *http.Request, p routerPage) (views.RouterEditor, error) {
	who := IdentityFrom(r.Context())
	cr := p.router
	page := "/routers/" + cr.ID.String()
	canEdit := who.May(access.EditRouter, cr.OfficeID)
	canReset := who.May(access.ResetRouter, cr.OfficeID)
	offices := p.targets.officeIndex()
	defaultTarget := p.targets.label(target{cr.DefaultTargetType, cr.DefaultTargetID})
	secretSet := hasSecret(cr)
	// When Dialpad next takes a change only matters to people offered one:
	// editors (the settings form), and support while the reset shows.
	var wait views.RouterWait
	if canEdit || canReset && !cr.Enabled {
		wait = h.routerWait(cr.ID, who.User.Timezone)
	}

	base, err := h.sealRouter(p.base)
	if err != nil {
		return views.RouterEditor{}, err
	}
	f := formFromRouter(p.base)
	if p.form != nil {
		f = *p.form
	}
	form := routerFormView(f, p.targets, page, p.choose)
	form.Action, form.Submit, form.Base = page, "Save changes", base
	form.SecretSet, form.ShowReset = secretSet, true
	form.Conflict = p.conflict
	if !canEdit {
		form.ReadOnly, form.ReadOnlyNote = true, who.readOnlyReason(access.EditRouter, ResourceCallRouter, cr.OfficeID, offices.name(cr.OfficeID))
	}

	numbers := p.numbers
	numbers.Action, numbers.Numbers, numbers.ReadOnly = page+"/numbers", cr.PhoneNumbers, !canEdit
	if numbers.Number == "" && numbers.AreaCode == "" && numbers.FieldErrors == nil && numbers.Message == "" {
		numbers.Primary = len(cr.PhoneNumbers) == 0
	}
	tester := p.test
	tester.Action, tester.URL, tester.SecretSet = page+"/test", splitRoutingURL(cr.RoutingURL), secretSet

	v := views.RouterEditor{
		Header: views.RouterHeader{
			Name:          cr.Name,
			Office:        offices.name(cr.OfficeID),
			Status:        routerBadge(cr.Enabled),
			URL:           splitRoutingURL(cr.RoutingURL),
			DefaultTarget: defaultTarget,
			PhoneNumbers:  cr.PhoneNumbers,
			SecretSet:     secretSet,
			IVRHref:       "/ivrs/" + dialpad.TargetCallRouter + "/" + cr.ID.String(),
			HistoryHref:   historyHref(who, audit.CallRouter, cr.ID.String()),
		},
		Message:   p.message,
		Done:      p.done,
		NewSecret: p.newSecret,
		NoTester:  !who.May(access.TestRouter, cr.OfficeID),
		Reset: views.RouterReset{
			Show:   !cr.Enabled,
			Action: page + "/reset",
			Target: defaultTarget,
		},
		Form:    form,
		Numbers: numbers,
		Tester:  tester,
	}
	if !canReset {
		v.Reset.ReadOnly, v.Reset.Note = true, who.readOnlyReason(access.ResetRouter, ResourceCallRouter, cr.OfficeID, offices.name(cr.OfficeID))
	} else {
		v.Reset.Wait = wait
	}
	if canEdit {
		v.Wait = wait
		v.DeleteHref = page + "/delete"
	}
	if h.Assets != nil {
		v.WaitScript = h.Assets.URL("js/router_wait.js")
	}
	if h.Demo != nil && !v.NoTester {
		v.Demo = h.demoView(cr, page+"/demo")
	}
	return v, nil
}

// routerFormView is the settings form's fields, options and messages. page
// is the router's page, "" for a new router: an existing router's form
// names its target and loads the select on request, unless the lists are
// at hand anyway; choose says the person asked for them.
func routerFormView(f routerForm, t *routerTargets, page string, choose bool) views.RouterForm {
	selected := selectedTarget(f)
	v := views.RouterForm{
		Name:            f.Name,
		RoutingURL:      f.RoutingURL,
		DefaultTarget:   f.DefaultTarget,
		OfficeID:        f.OfficeID,
		Enabled:         f.Enabled,
		Offices:         t.officeOptions(selectedOffice(f)),
		SecretAction:    f.SecretAction,
		SecretNote:      pastedSecretNote(f),
		ResetErrorCount: f.ResetErrorCount,
		FieldErrors:     f.FieldErrors,
		Problems:        f.problems(),
	}
	if t.full() || page == "" {
		v.Targets = t.options(selected)
	} else {
		v.TargetsClosed = true
		v.TargetLabel = t.label(selected)
		v.ChooseURL = page + "/targets?" + url.Values{"default_target": {f.DefaultTarget}}.Encode()
		v.ChooseHref = page + "?choose=target#default-target"
	}
	switch {
	case !t.full() && (choose || !v.TargetsClosed):
		v.TargetsNote = "Dialpad's lists of offices, departments, call centers and users could not be loaded, so only the current choice is offered. Try again in a moment."
	case t == nil:
		v.TargetsNote = "Dialpad could not be asked for the target's name just now; the current choice is kept. Reload the page to try again."
	}
	return v
}

// selectedTarget is the form's target, parsed as far as it goes.
func selectedTarget(f routerForm) target {
	if tg, err := parseTarget(f.DefaultTarget); err == nil {
		return tg
	}
	return f.target
}

func selectedOffice(f routerForm) dialpad.ID {
	if id, err := dialpad.ParseID(f.OfficeID); err == nil {
		return id
	}
	return f.officeID
}

// hasSecret reads Dialpad's signature: set when it names an algorithm.
func hasSecret(cr dialpad.CallRouter) bool {
	return cr.Signature != nil && (cr.Signature.Algo != "" || cr.Signature.Type != "" || cr.Signature.Secret != "")
}
