package handlers

import (
	"fmt"
	"net/url"
	"strings"

	"switchboard/dialpad"
	"switchboard/views"
)

// bulkMax is the most targets one batch takes. Each changed target costs a
// fresh read and a PATCH under the company's 20 requests/s, so a hundred
// is about ten seconds: long enough to wait for, short of any timeout.
const bulkMax = 100

// bulkForm is the bulk apply form as posted: the ticked targets and one
// week of hours, named as the API names them (hours_on, monday_hours
// repeated as open, close, open, close...).
type bulkForm struct {
	Targets     []string // ticked, as posted: "callcenter:123"
	Week        dialpad.WeekHours
	Input       views.WeekInput // the week as typed, for re-rendering
	FieldErrors map[string]string
}

func (f *bulkForm) valid() bool { return len(f.FieldErrors) == 0 }

// parseBulkForm reads and checks the form. Every problem is reported
// beside its field; the input is kept as typed.
func parseBulkForm(form url.Values) bulkForm {
	f := bulkForm{FieldErrors: map[string]string{}}
	seen := map[string]bool{}
	for _, t := range form["target"] {
		if t = strings.TrimSpace(t); t != "" && !seen[t] {
			seen[t] = true
			f.Targets = append(f.Targets, t)
		}
	}
	switch n := len(f.Targets); {
	case n == 0:
		f.FieldErrors["target"] = "Tick at least one call center or department."
	case n > bulkMax:
		f.FieldErrors["target"] = fmt.Sprintf("%d are ticked; one batch takes at most %d. Untick some and apply the rest afterwards.", n, bulkMax)
	}
	f.Week, f.Input = parseBulkWeek(form, f.FieldErrors)
	return f
}

// parseBulkWeek reads hours_on and the seven day fields. Empty pairs are
// slots left blank and are dropped; a pair with one time missing is an
// error. The rest is checked by dialpad.ParseDay, the same rules the
// editor and Dialpad apply. The week replaces each target's, so a field
// missing from the post (see postedValues) cannot mean "unchanged": it is
// an error beside that field, and nothing is sent.
func parseBulkWeek(form url.Values, errs map[string]string) (dialpad.WeekHours, views.WeekInput) {
	var week dialpad.WeekHours
	if _, ok := postedValues(form, "hours_on"); !ok {
		errs["hours_on"] = bulkMissing
	}
	postedBool(form, "hours_on", &week.HoursOn)
	in := views.WeekInput{HoursOn: week.HoursOn, Error: errs["hours_on"]}
	for _, d := range dialpad.Weekdays() {
		raw, posted := postedValues(form, d.Field())
		var (
			flat  []string
			pairs [][2]string
			msgs  []string
		)
		for i := 0; i < len(raw); i += 2 {
			open := dialpad.NormalizeClock(raw[i])
			closing := ""
			if i+1 < len(raw) {
				closing = dialpad.NormalizeClock(raw[i+1])
			}
			if open == "" && closing == "" {
				continue
			}
			pairs = append(pairs, [2]string{open, closing})
			if open == "" || closing == "" {
				msgs = append(msgs, fmt.Sprintf("Range %d needs both an opening and a closing time.", len(pairs)))
				continue
			}
			flat = append(flat, open, closing)
		}
		if !posted {
			msgs = append(msgs, bulkMissing)
		}
		if len(msgs) == 0 {
			_, herrs := dialpad.ParseDay(d, flat)
			for _, e := range herrs {
				msgs = append(msgs, bulkHoursMessage(e))
			}
		}
		week.SetDay(d, flat)
		if week.Day(d) == nil {
			week.SetDay(d, []string{})
		}
		di := views.DayInput{Field: d.Field(), Label: d.Label(), Pairs: bulkSlots(pairs)}
		if len(msgs) > 0 {
			di.Error = strings.Join(msgs, " ")
			errs[d.Field()] = di.Error
		}
		in.Days = append(in.Days, di)
	}
	return week, in
}

// weekInput shows a week in the form's inputs.
func bulkWeekInput(w dialpad.WeekHours) views.WeekInput {
	in := views.WeekInput{HoursOn: w.HoursOn}
	for _, d := range dialpad.Weekdays() {
		flat := w.Day(d)
		var pairs [][2]string
		for i := 0; i+1 < len(flat); i += 2 {
			pairs = append(pairs, [2]string{flat[i], flat[i+1]})
		}
		in.Days = append(in.Days, views.DayInput{Field: d.Field(), Label: d.Label(), Pairs: bulkSlots(pairs)})
	}
	return in
}

// bulkMissing is the message beside a field the post did not carry.
const bulkMissing = "This was missing from the form, so nothing was sent. Reload the page and enter the week again."

// bulkSlots leaves room for one more range (a split shift) and
// always shows at least two, since the form works without JavaScript.
func bulkSlots(pairs [][2]string) [][2]string {
	for len(pairs) < 2 || pairs[len(pairs)-1] != ([2]string{}) {
		pairs = append(pairs, [2]string{})
	}
	return pairs
}

// bulkHoursMessage words a day's problem for the line beside that day.
func bulkHoursMessage(e dialpad.HoursError) string {
	msg := e.Msg
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	if e.Range < 0 {
		return msg + "."
	}
	if e.Overnight {
		// No split button here: say what to type instead.
		return fmt.Sprintf("Range %d: %s.", e.Range+1, strings.Replace(e.Msg, "Split it at midnight",
			"Enter it as two ranges: up to 23:59 on this day and from 00:00 on the next", 1))
	}
	return fmt.Sprintf("Range %d: %s.", e.Range+1, e.Msg)
}

// bulkApplyWeek is a target's hours after bulk apply. Turning hours off
// (open 24/7) changes only hours_on: each target keeps its own day lists,
// which Dialpad stores but does not apply.
func bulkApplyWeek(current, week dialpad.WeekHours) dialpad.WeekHours {
	if !week.HoursOn {
		out := current
		out.HoursOn = false
		return out
	}
	return week
}
