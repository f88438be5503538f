package handlers

import (
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// auditDate is how the filter form's dates read (an <input type="date">).
const auditDate = "2006-01-02"

// auditKinds are the kinds a filter may name, with their words.
func auditKinds() []views.Option {
	return []views.Option{
		{Value: string(audit.CallCenter), Label: "Call centers"},
		{Value: string(audit.Department), Label: "Departments"},
		{Value: string(audit.CallRouter), Label: "Call routers"},
		{Value: string(audit.CustomIVR), Label: "Custom IVRs"},
		{Value: string(audit.Grant), Label: "Access grants"},
	}
}

// parseAuditFilter reads /audit's query: the form as typed, the filter it
// means, and a plain message per field that could not be read. Dates are
// whole days in loc; "to" includes its day.
func parseAuditFilter(q url.Values, loc *time.Location) (views.AuditFilter, audit.Filter, map[string]string) {
	in := views.AuditFilter{
		Email:    strings.TrimSpace(q.Get("email")),
		Kind:     strings.TrimSpace(q.Get("kind")),
		Resource: strings.TrimSpace(q.Get("resource")),
		Office:   strings.TrimSpace(q.Get("office_id")),
		From:     strings.TrimSpace(q.Get("from")),
		To:       strings.TrimSpace(q.Get("to")),
	}
	var f audit.Filter
	errs := map[string]string{}
	if in.Email != "" {
		if a, err := mail.ParseAddress(in.Email); err != nil || !strings.EqualFold(a.Address, in.Email) {
			errs["email"] = "Enter a whole email address, like dana@example.com."
		} else {
			f.Email = access.NormalizeEmail(in.Email)
		}
	}
	if in.Kind != "" {
		ok := false
		for _, k := range auditKinds() {
			ok = ok || k.Value == in.Kind
		}
		if ok {
			f.Kind = audit.Kind(in.Kind)
		} else {
			errs["kind"] = "Pick a kind from the list."
		}
	}
	if in.Resource != "" {
		switch {
		case f.Kind == "" && errs["kind"] == "":
			errs["resource"] = "One resource's history needs its kind too; open it from the resource's page."
		case len(in.Resource) > 200:
			errs["resource"] = "That resource id is too long."
		default:
			f.ResourceID = in.Resource
		}
	}
	if in.Office != "" {
		if id, err := dialpad.ParseID(in.Office); err != nil || id == 0 {
			errs["office_id"] = "Pick an office from the list."
		} else {
			f.OfficeID = id
		}
	}
	if in.From != "" {
		if d, err := time.ParseInLocation(auditDate, in.From, loc); err != nil {
			errs["from"] = "Enter a date like 2026-03-02."
		} else {
			f.From = d
		}
	}
	if in.To != "" {
		if d, err := time.ParseInLocation(auditDate, in.To, loc); err != nil {
			errs["to"] = "Enter a date like 2026-03-02."
		} else {
			f.To = d.AddDate(0, 0, 1)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		errs["to"] = "The end date comes before the start date."
	}
	if b := q.Get("before"); b != "" {
		if n, err := strconv.ParseInt(b, 10, 64); err == nil && n > 0 {
			f.Before = n
		}
		// A mangled page link shows the newest page, not an error.
	}
	return in, f, errs
}

// query is the filter as a URL query (without paging), for links.
func auditQuery(in views.AuditFilter) url.Values {
	q := url.Values{}
	for k, v := range map[string]string{"email": in.Email, "kind": in.Kind, "resource": in.Resource,
		"office_id": in.Office, "from": in.From, "to": in.To} {
		if v != "" {
			q.Set(k, v)
		}
	}
	return q
}

// auditHistoryHref is one resource's history, for editor pages.
func auditHistoryHref(kind audit.Kind, id string) string {
	return "/audit?" + url.Values{"kind": {string(kind)}, "resource": {id}}.Encode()
}

// historyHref is the link editor pages show to a resource's own history,
// for people who may view the audit trail; "" for anyone else.
func historyHref(who *Identity, kind audit.Kind, id string) string {
	if who == nil || !who.Rights.Can(access.ViewAudit, 0) {
		return ""
	}
	return auditHistoryHref(kind, id)
}
