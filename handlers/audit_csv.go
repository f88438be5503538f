package handlers

import (
	"net/http"

	"switchboard/handlers/audit"
	"switchboard/views"
)

// AuditCSV is /audit.csv: every entry matching /audit's filters, newest
// first, one row per changed field. Admins only; filters that cannot be
// read answer 422 with the filter form, as /audit does.
func (h *Handler) AuditCSV(w http.ResponseWriter, r *http.Request) {
	who, ok := h.auditViewer(w, r)
	if !ok {
		return
	}
	in, f, errs := parseAuditFilter(r.URL.Query(), personZone(who))
	if len(errs) > 0 {
		v := views.AuditList{Filter: in, FieldErrors: errs, Kinds: auditKinds(), Active: true,
			Offices: auditOfficeOptions(nil, in.Office)}
		h.Render(w, r, http.StatusUnprocessableEntity, views.AuditListPage(h.layout(r, "Audit trail", views.NavAudit), v), nil)
		return
	}
	f.Before = 0 // the export is every matching entry, not one page
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="audit.csv"`)
	if err := audit.WriteCSV(r.Context(), h.Audit, f, w); err != nil {
		// Rows may be out already; the log says the file is cut short.
		h.logger().ErrorContext(r.Context(), "audit: CSV cut short", "err", err)
	}
}
