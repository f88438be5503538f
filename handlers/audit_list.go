package handlers

import (
	"net/http"
	"strconv"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// AuditList is /audit: one page of the audit trail, newest first, with
// filters by person, kind, resource, office and dates, and a link to the
// next (older) page. Admins only. Filters that cannot be read answer 422
// with the form as typed and a message beside each.
func (h *Handler) AuditList(w http.ResponseWriter, r *http.Request) {
	who, ok := h.auditViewer(w, r)
	if !ok {
		return
	}
	loc := personZone(who)
	in, f, errs := parseAuditFilter(r.URL.Query(), loc)
	offices, officesErr := who.Client.Offices(r.Context())
	v := views.AuditList{Filter: in, FieldErrors: errs, Kinds: auditKinds(), Active: len(auditQuery(in)) > 0}
	for i := range v.Kinds {
		v.Kinds[i].Selected = v.Kinds[i].Value == in.Kind
	}
	v.Offices = auditOfficeOptions(offices, in.Office)
	if officesErr != nil {
		h.logger().WarnContext(r.Context(), "audit: offices not read", "err", officesErr)
		v.Note = "Dialpad's offices could not be read, so offices show by id."
	}
	layout := h.layout(r, "Audit trail", views.NavAudit)
	if len(errs) > 0 {
		h.Render(w, r, http.StatusUnprocessableEntity, views.AuditListPage(layout, v), nil)
		return
	}
	page, err := h.Audit.List(r.Context(), f)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	names := officeNames(offices)
	for _, e := range page.Entries {
		v.Rows = append(v.Rows, auditRow(e, loc, names))
	}
	q := auditQuery(in)
	v.CSVHref = "/audit.csv"
	if len(q) > 0 {
		v.CSVHref += "?" + q.Encode()
	}
	if page.Next != 0 {
		older := auditQuery(in)
		older.Set("before", strconv.FormatInt(page.Next, 10))
		v.OlderHref = "/audit?" + older.Encode()
	}
	if f.Before != 0 {
		v.NewestHref = "/audit"
		if len(q) > 0 {
			v.NewestHref += "?" + q.Encode()
		}
	}
	h.Render(w, r, http.StatusOK, views.AuditListPage(layout, v), nil)
}

// auditViewer lets admins through; anyone else gets 403, and without a
// database there is no trail to show.
func (h *Handler) auditViewer(w http.ResponseWriter, r *http.Request) (*Identity, bool) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return nil, false
	}
	if !who.Rights.Can(access.ViewAudit, 0) {
		h.RenderError(w, r, http.StatusForbidden, "Admins only",
			"The audit trail is for Switchboard admins. Ask an admin if you need to know who changed something.")
		return nil, false
	}
	if h.Audit == nil {
		h.RenderError(w, r, http.StatusServiceUnavailable, "No audit trail",
			"This Switchboard runs without a database, so it keeps no audit trail.")
		return nil, false
	}
	return who, true
}

// auditRow is one entry as the page shows it.
func auditRow(e audit.Entry, loc *time.Location, offices map[dialpad.ID]string) views.AuditRow {
	row := views.AuditRow{
		At: e.At.In(loc).Format("2006-01-02 15:04 MST"), AtISO: e.At.UTC().Format(time.RFC3339),
		Name: e.Actor.Name, Email: e.Actor.Email, Credential: credentialWords(e.Credential),
		Kind: string(e.Resource.Kind), ResourceName: e.Resource.Name, ResourceID: e.Resource.ID,
	}
	if e.Resource.OfficeID != 0 {
		row.Office = offices[e.Resource.OfficeID]
		if row.Office == "" {
			row.Office = "Office " + e.Resource.OfficeID.String()
		}
	}
	for _, c := range e.Changes {
		row.Changes = append(row.Changes, views.AuditChange{Field: c.Field, Old: c.Old, New: c.New})
	}
	switch e.Outcome.Result {
	case audit.Applied:
		row.Outcome = views.Badge{Label: "Applied", Color: "green"}
	case audit.Refused:
		row.Outcome = views.Badge{Label: "Refused", Color: "red"}
		row.Detail = strconv.Itoa(e.Outcome.Status) + " " + e.Outcome.Message
	default:
		row.Outcome = views.Badge{Label: "Unknown", Color: "amber", Title: "No answer came: it may or may not have been applied."}
		row.Detail = e.Outcome.Message
	}
	return row
}

func credentialWords(c audit.Credential) string {
	switch c {
	case audit.OwnToken:
		return "own Dialpad token"
	case audit.CompanyKey:
		return "company API key"
	case audit.Local:
		return "in Switchboard"
	}
	return string(c)
}

// auditOfficeOptions is the office select; the chosen office stays in it
// even when Dialpad's list could not be read.
func auditOfficeOptions(offices []dialpad.Office, chosen string) []views.Option {
	var opts []views.Option
	seen := false
	for _, o := range sortedOffices(offices) {
		sel := o.ID.String() == chosen
		seen = seen || sel
		opts = append(opts, views.Option{Value: o.ID.String(), Label: o.Name, Selected: sel})
	}
	if chosen != "" && !seen {
		opts = append(opts, views.Option{Value: chosen, Label: "Office " + chosen, Selected: true})
	}
	return opts
}

func officeNames(offices []dialpad.Office) map[dialpad.ID]string {
	m := make(map[dialpad.ID]string, len(offices))
	for _, o := range offices {
		m[o.ID] = o.Name
	}
	return m
}

// personZone is the person's own time zone, for dates typed and shown;
// UTC when Dialpad names none Switchboard knows.
func personZone(who *Identity) *time.Location {
	if loc, ok := (zones{}).load(who.User.Timezone); ok {
		return loc
	}
	return time.UTC
}
