package handlers

import (
	"net/http"
	"net/url"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// HoursReview is /hours: every call center and department (or one
// office's) with a week of bars, open-now in its own time zone, and the
// rows that differ from their office's usual schedule highlighted.
// Filters: ?office_id=, ?q= (name), ?kind=callcenter|department;
// ?refresh=1 reads Dialpad again instead of the person's cache.
func (h *Handler) HoursReview(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	f := parseReviewFilter(r)
	d, err := h.reviewData(r.Context(), who, f.OfficeID, f.Refresh)
	if err != nil {
		h.UpstreamError(w, r, err)
		return
	}
	f.resolve(d)
	v := h.reviewView(r, who, f, d)
	l := h.layout(r, "Business hours", views.NavHours)
	l.DataAge = "" // the review says how old its lists are, by its own Refresh
	h.Render(w, r, http.StatusOK,
		views.HoursReviewPage(l, v),
		views.HoursReviewResults(v))
}

// reviewFilter is what the review was asked to show. Name and kind are
// applied here, not by Dialpad: an office's usual schedule is measured over
// all of it, and narrowing a cached view costs no request.
type reviewFilter struct {
	listFilter
	Kind    string // dialpad.TargetCallCenter, dialpad.TargetDepartment, or "" for both
	Refresh bool
}

func parseReviewFilter(r *http.Request) reviewFilter {
	f := reviewFilter{listFilter: parseListFilter(r, true)}
	q := r.URL.Query()
	switch k := q.Get("kind"); k {
	case dialpad.TargetCallCenter, dialpad.TargetDepartment:
		f.Kind = k
	}
	f.Refresh = q.Get("refresh") != ""
	return f
}

// resolve drops an office id that names no office, as the lists do.
func (f *reviewFilter) resolve(d *reviewData) {
	if d.OfficeUnknown && f.OfficeID != 0 {
		f.resolveOffice(d.Offices)
	}
}

func (f reviewFilter) active() bool { return f.listFilter.active() || f.Kind != "" }

// matches applies the name (a case-insensitive substring, as Dialpad's
// name_search) and the kind.
func (f reviewFilter) matches(it reviewItem) bool {
	if f.Kind != "" && it.Kind != f.Kind {
		return false
	}
	return f.Query == "" || strings.Contains(strings.ToLower(it.Name), strings.ToLower(f.Query))
}

// values is the filter as a query string, without refresh.
func (f reviewFilter) values() url.Values {
	v := url.Values{}
	if f.OfficeID != 0 {
		v.Set("office_id", f.OfficeID.String())
	}
	if f.Query != "" {
		v.Set("q", f.Query)
	}
	if f.Kind != "" {
		v.Set("kind", f.Kind)
	}
	return v
}

// href is path with the filter, plus extra parameters.
func (f reviewFilter) href(path string, extra ...string) string {
	v := f.values()
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// kindOptions is the kind select.
func (f reviewFilter) kindOptions() []views.Option {
	return []views.Option{
		{Value: "", Label: "Call centers and departments", Selected: f.Kind == ""},
		{Value: dialpad.TargetCallCenter, Label: "Call centers", Selected: f.Kind == dialpad.TargetCallCenter},
		{Value: dialpad.TargetDepartment, Label: "Departments", Selected: f.Kind == dialpad.TargetDepartment},
	}
}

// plural names what the filter shows: "call centers and departments".
func (f reviewFilter) plural() string {
	switch f.Kind {
	case dialpad.TargetCallCenter:
		return "call centers"
	case dialpad.TargetDepartment:
		return "departments"
	}
	return "call centers or departments"
}

// reviewKindLabel is an item's kind in words.
func reviewKindLabel(kind string) string {
	if kind == dialpad.TargetDepartment {
		return "Department"
	}
	return "Call center"
}

// reviewEditorHref links an item to its hours editor.
func reviewEditorHref(it reviewItem) string {
	if it.Kind == dialpad.TargetDepartment {
		return "/departments/" + it.ID.String()
	}
	return "/callcenters/" + it.ID.String()
}
