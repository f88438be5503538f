package handlers

import (
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// AccessGrant grants a role by email (and office, for an office admin).
// Invalid input answers 422 with the form as typed and a message beside
// each field; a grant made is audited, flashed and answered 303.
func (h *Handler) AccessGrant(w http.ResponseWriter, r *http.Request) {
	who, ok := h.accessAdmin(w, r)
	if !ok {
		return
	}
	if !h.readForm(w, r, maxAccessFormBytes) {
		return
	}
	form := views.AccessForm{
		Email:  strings.TrimSpace(r.PostForm.Get("email")),
		Role:   strings.TrimSpace(r.PostForm.Get("role")),
		Office: strings.TrimSpace(r.PostForm.Get("office_id")),
	}
	g, errs := parseGrantForm(form)
	if len(errs) > 0 {
		h.renderAccess(w, r, http.StatusUnprocessableEntity, who, views.AccessList{Form: form, FieldErrors: errs})
		return
	}
	added, err := h.Grants.Grant(r.Context(), g)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	if !added {
		h.Flash(r, g.Email+" already has that role.")
	} else {
		h.auditGrant(r.Context(), who, g, audit.Change{Field: "role", New: string(g.Role)})
		h.logger().InfoContext(r.Context(), "access: granted", "role", g.Role, "office_id", g.OfficeID)
		h.Flash(r, "Granted "+g.Role.Label()+" to "+g.Email+".")
	}
	http.Redirect(w, r, "/access", http.StatusSeeOther)
}

// parseGrantForm reads the grant form through access.NewGrant, sorting
// its sentences to the fields they are about.
func parseGrantForm(form views.AccessForm) (access.Grant, map[string]string) {
	errs := map[string]string{}
	role := access.None
	if form.Role != "" {
		var err error
		if role, err = access.ParseRole(form.Role); err != nil {
			errs["role"] = "Choose a role from the list."
		}
	}
	var office dialpad.ID
	if form.Office != "" {
		id, err := dialpad.ParseID(form.Office)
		if err != nil || id == 0 {
			errs["office_id"] = "Choose an office from the list."
		}
		office = id
	}
	g, err := access.NewGrant(form.Email, role, office)
	for _, e := range unjoin(err) {
		msg := e.Error()
		field := "email"
		switch {
		case strings.Contains(msg, "office"):
			field = "office_id"
		case strings.Contains(msg, "role"):
			field = "role"
		}
		if errs[field] == "" {
			errs[field] = capitalize(msg) + "."
		}
	}
	return g, errs
}

// unjoin splits an errors.Join into its errors.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
