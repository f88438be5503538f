package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/views"
)

// HoursBulk is GET /hours/bulk?target=callcenter:123&target=...: the bulk
// apply form for the targets ticked on the review, pre-filled with the
// week most of them share. The targets' hours come from the review's lists
// (the same cache, so ?office_id= should match the review's filter) and
// travel sealed with the form as the base of every save.
func (h *Handler) HoursBulk(w http.ResponseWriter, r *http.Request) {
	who, ok := h.signedIn(w, r)
	if !ok {
		return
	}
	if !bulkAllowed(who) {
		h.bulkRefused(w, r)
		return
	}
	f := parseReviewFilter(r)
	var (
		bases []bulkBase
		notes []string
	)
	if ticked := r.URL.Query()["target"]; len(ticked) > 0 {
		d, err := h.reviewData(r.Context(), who, f.OfficeID, f.Refresh)
		if err != nil {
			h.UpstreamError(w, r, err)
			return
		}
		bases, notes = bulkPickTargets(d, who, ticked)
	}
	v := views.HoursBulk{
		Notes:       notes,
		FieldErrors: map[string]string{},
		Max:         bulkMax,
		BackHref:    f.href("/hours"),
		Targets:     bulkTargets(bases, nil),
		Week:        bulkWeekInput(bulkCommonWeek(bases)),
	}
	if len(bases) > 0 {
		var err error
		if v.Base, err = h.sealBulk(who.User.ID, bases); err != nil {
			h.ServerError(w, r, err)
			return
		}
	}
	h.renderBulk(w, r, http.StatusOK, v)
}

func (h *Handler) renderBulk(w http.ResponseWriter, r *http.Request, status int, v views.HoursBulk) {
	h.Render(w, r, status,
		views.HoursBulkPage(h.layout(r, "Apply hours to several", views.NavHours), v),
		views.HoursBulkSection(v))
}

// bulkRefused answers people who may not edit any office: bulk apply
// could only earn them a 403 per target from Dialpad.
func (h *Handler) bulkRefused(w http.ResponseWriter, r *http.Request) {
	h.RenderError(w, r, http.StatusForbidden, "Not allowed", IdentityFrom(r.Context()).readOnlyReason(access.BulkHours, ResourceCallCenter, 0, ""))
}

// bulkAllowed reports whether the person may change the hours of some call
// center or department.
func bulkAllowed(who *Identity) bool {
	return who.MaySomewhere(access.BulkHours)
}

// bulkPickTargets finds the ticked targets in the lists, in the review's order.
// Targets gone from the lists, in offices the person may not edit, or past
// a batch's size are left out with a note.
func bulkPickTargets(d *reviewData, who *Identity, ticked []string) ([]bulkBase, []string) {
	want := map[string]bool{}
	for _, t := range ticked {
		if t = strings.TrimSpace(t); t != "" {
			want[t] = true
		}
	}
	idx := indexOffices(d.Offices)
	var (
		bases      []bulkBase
		notes      []string
		found      int
		notAllowed []string
	)
	for _, it := range d.Items {
		if !want[it.target()] {
			continue
		}
		found++
		switch {
		case !who.May(access.BulkHours, it.OfficeID):
			notAllowed = append(notAllowed, it.Name)
		case len(bases) >= bulkMax:
		default:
			bases = append(bases, bulkBaseOf(it, idx.name(it.OfficeID)))
		}
	}
	if n := len(want) - found; n > 0 {
		notes = append(notes, fmt.Sprintf("%s no longer listed by Dialpad, so left out.", bulkCount(n, "ticked item is", "ticked items are")))
	}
	if len(notAllowed) > 0 {
		notes = append(notes, "Left out, as you can't change their hours: "+strings.Join(notAllowed, ", ")+".")
	}
	if over := found - len(notAllowed) - len(bases); over > 0 {
		notes = append(notes, fmt.Sprintf("One batch takes at most %d; %s left out. Apply them in another batch.", bulkMax, bulkCount(over, "was", "were")))
	}
	return bases, notes
}

// bulkCount is "1 ticked item is" or "3 ticked items are".
func bulkCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// bulkCommonWeek is the week most targets share, to start the form from;
// Monday to Friday 09:00-17:00 when there are none.
func bulkCommonWeek(bases []bulkBase) dialpad.WeekHours {
	if len(bases) == 0 {
		nineToFive := []string{"09:00", "17:00"}
		w := dialpad.WeekHours{HoursOn: true}
		for _, d := range dialpad.Weekdays()[:5] {
			w.SetDay(d, nineToFive)
		}
		return w
	}
	counts := map[string]int{}
	best, bestKey := bases[0].Hours, ""
	for _, b := range bases {
		k := usualKey(b.Hours)
		counts[k]++
		if bestKey == "" || counts[k] > counts[bestKey] {
			best, bestKey = b.Hours, k
		}
	}
	return best
}

// bulkTargets shows the bases as ticked checkboxes; ticked nil means all.
func bulkTargets(bases []bulkBase, ticked map[string]bool) []views.BulkTarget {
	out := make([]views.BulkTarget, len(bases))
	for i, b := range bases {
		out[i] = views.BulkTarget{
			Value:   b.target(),
			Name:    b.Name,
			Kind:    reviewKindLabel(b.Kind),
			Office:  b.Office,
			Current: strings.Join(hoursSummary(b.Hours), "; "),
			Checked: ticked == nil || ticked[b.target()],
		}
	}
	return out
}
