package handlers

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"switchboard/dialpad"
)

// reviewCSVHeader is the export's first line; days are named as in the API.
func reviewCSVHeader() []string {
	return []string{"kind", "id", "name", "office", "timezone", "hours_on",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"differs_from_office_usual"}
}

// HoursCSV is /hours.csv: the review, with the same filters, as a
// spreadsheet. Days read "08:00-12:00 14:00-18:00", "closed" or "24/7".
func (h *Handler) HoursCSV(w http.ResponseWriter, r *http.Request) {
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
	// An export missing an office must not pass for a whole one.
	for _, fl := range d.Failed {
		h.logger().WarnContext(r.Context(), "hours csv: office lists failed", "office_id", fl.Office.ID, "err", fl.Err)
	}
	if len(d.Failed) > 0 {
		h.RenderError(w, r, http.StatusBadGateway, "Export incomplete",
			"Dialpad didn't list every office, so no CSV was made: "+reviewReadProblem(d.Failed[0].Err)+" Try again.")
		return
	}
	f.resolve(d)
	body, err := reviewCSV(d, f)
	if err != nil {
		h.ServerError(w, r, err)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "text/csv; charset=utf-8")
	hdr.Set("Content-Disposition", `attachment; filename="hours-`+h.csvDate(who).Format(time.DateOnly)+`.csv"`)
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

// reviewCSV writes the rows the filter shows.
func reviewCSV(d *reviewData, f reviewFilter) ([]byte, error) {
	idx := indexOffices(d.Offices)
	usual := usualSchedules(d.Items, idx)
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.Write(reviewCSVHeader()); err != nil {
		return nil, err
	}
	for _, it := range d.Items {
		if !f.matches(it) {
			continue
		}
		rec := []string{
			it.Kind,
			it.ID.String(),
			it.Name,
			idx.name(it.OfficeID),
			cmp.Or(it.Timezone, idx[it.OfficeID].Timezone),
			strconv.FormatBool(it.Hours.HoursOn),
		}
		for _, day := range dialpad.Weekdays() {
			rec = append(rec, reviewDayCell(it.Hours, day))
		}
		rec = append(rec, strconv.FormatBool(usual[it.OfficeID].differs(it.Hours)))
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return nil, err
		}
	}
	cw.Flush()
	return buf.Bytes(), cw.Error()
}

// csvSafe keeps a spreadsheet from running a cell as a formula (OWASP's
// CSV injection advice): a cell starting with = + - @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets show as text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvDate is today where the person is (their Dialpad time zone), for
// the file name; UTC when the zone is unknown.
func (h *Handler) csvDate(who *Identity) time.Time {
	now := h.now()
	if loc, ok := (zones{}).load(who.User.Timezone); ok {
		return now.In(loc)
	}
	return now.UTC()
}
