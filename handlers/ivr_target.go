package handlers

import (
	"context"
	"net/http"
	"slices"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
)

// ivrKind is a target type of the custom IVR API in words, with where its
// own page lives.
type ivrKind struct {
	Type     string // the spec's target_type, "callcenter"
	Singular string // "call center"
	Plural   string // "call centers"
	ListHref string // its list page; "" when the console has none
}

// ivrKinds are the target types GET /customivrs takes, in words.
func ivrKinds() []ivrKind {
	return []ivrKind{
		{dialpad.TargetCallCenter, "call center", "call centers", "/callcenters"},
		{dialpad.TargetDepartment, "department", "departments", "/departments"},
		{dialpad.TargetOffice, "office", "offices", "/"},
		{dialpad.TargetUser, "person", "people", ""},
		{dialpad.TargetCallRouter, "call router", "call routers", "/routers"},
		{"channel", "channel", "channels", ""},
		{"coachinggroup", "coaching group", "coaching groups", ""},
		{"coachingteam", "coaching team", "coaching teams", ""},
		{"room", "room", "rooms", ""},
		{"staffgroup", "staff group", "staff groups", ""},
		{"unknown", "target", "targets", ""},
	}
}

func lookupIVRKind(targetType string) (ivrKind, bool) {
	i := slices.IndexFunc(ivrKinds(), func(k ivrKind) bool { return k.Type == targetType })
	if i < 0 {
		return ivrKind{}, false
	}
	return ivrKinds()[i], true
}

// canUpload reports whether POST /customivrs takes this kind of target.
func (k ivrKind) canUpload() bool {
	return slices.Contains(dialpad.IVRUploadTargetTypes(), k.Type)
}

// ivrTarget is the call center, department, office... whose custom IVRs a
// page shows.
type ivrTarget struct {
	Kind     ivrKind
	ID       dialpad.ID
	Name     string
	OfficeID dialpad.ID // 0 when unknown; only company admins may then edit
	Found    bool       // Dialpad answered its lookup (kinds the client can read)
}

// path is the target's IVR page, the root of every IVR action URL.
func (t ivrTarget) path() string { return "/ivrs/" + t.Kind.Type + "/" + t.ID.String() }

// back is where the page header links: the target's own page when the
// console has one, else its list.
func (t ivrTarget) back() (href, label string) {
	switch t.Kind.Type {
	case dialpad.TargetCallCenter:
		return "/callcenters/" + t.ID.String(), t.Name
	case dialpad.TargetDepartment:
		return "/departments/" + t.ID.String(), t.Name
	case dialpad.TargetOffice:
		return "/#offices", "Overview"
	case dialpad.TargetCallRouter:
		return "/routers/" + t.ID.String(), t.Name
	}
	return "/", "Overview"
}

// ivrTargetFromURL reads {target_type} and {target_id}; an unknown type or
// a malformed id is answered with a 404 page and false.
func (h *Handler) ivrTargetFromURL(w http.ResponseWriter, r *http.Request) (ivrTarget, bool) {
	kind, ok := lookupIVRKind(chi.URLParam(r, "target_type"))
	if !ok {
		h.RenderError(w, r, http.StatusNotFound, "No such kind of target",
			"Custom IVRs belong to call centers, departments, offices, people and a few other kinds of target; this address names none of them.")
		return ivrTarget{}, false
	}
	id, err := dialpad.ParseID(chi.URLParam(r, "target_id"))
	if err != nil || id == 0 {
		h.ivrTargetNotFound(w, r, kind)
		return ivrTarget{}, false
	}
	return ivrTarget{Kind: kind, ID: id}, true
}

func (h *Handler) ivrTargetNotFound(w http.ResponseWriter, r *http.Request, kind ivrKind) {
	h.RenderError(w, r, http.StatusNotFound, "No such "+kind.Singular,
		"Dialpad has no "+kind.Singular+" at this address. It may have been deleted, or the link may be mistyped.")
}

// loadIVRTarget looks the target up for its name and office. Kinds the
// client cannot read keep a generic name; Dialpad's answer to the IVR list
// then tells whether they exist.
func loadIVRTarget(ctx context.Context, c *dialpad.Client, t ivrTarget) (ivrTarget, error) {
	switch t.Kind.Type {
	case dialpad.TargetCallCenter:
		cc, err := c.CallCenter(ctx, t.ID)
		if err != nil {
			return t, err
		}
		t.Name, t.OfficeID = cc.Name, cc.OfficeID
	case dialpad.TargetDepartment:
		d, err := c.Department(ctx, t.ID)
		if err != nil {
			return t, err
		}
		t.Name, t.OfficeID = d.Name, d.OfficeID
	case dialpad.TargetOffice:
		o, err := c.Office(ctx, t.ID)
		if err != nil {
			return t, err
		}
		t.Name, t.OfficeID = o.Name, t.ID
	case dialpad.TargetUser:
		u, err := c.User(ctx, t.ID)
		if err != nil {
			return t, err
		}
		t.Name, t.OfficeID = displayName(u.DisplayName, u.FirstName, u.LastName), u.OfficeID
	case dialpad.TargetCallRouter:
		cr, err := c.CallRouter(ctx, t.ID)
		if err != nil {
			return t, err
		}
		t.Name, t.OfficeID = cr.Name, cr.OfficeID
	default:
		t.Name = capitalize(t.Kind.Singular) + " " + t.ID.String()
		return t, nil
	}
	if t.Name == "" {
		t.Name = capitalize(t.Kind.Singular) + " " + t.ID.String()
	}
	t.Found = true
	return t, nil
}
