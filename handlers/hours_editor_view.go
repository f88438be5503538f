package handlers

import (
	"slices"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/handlers/access"
	"switchboard/handlers/audit"
	"switchboard/views"
)

// editorPage is one render of the editor: the base the form is diffed
// against, the form as typed, and what the header knows.
type editorPage[T any] struct {
	id      dialpad.ID
	base    T      // what the form was rendered from (sealed in token)
	token   string // the sealed base
	office  string // office name
	tz      string
	form    hoursForm
	status  editorStatus
	message string // a problem with the whole form, in plain words
	unknown bool   // the panel is about a save Dialpad may have applied
	// copyUnticked is the day field whose "Copy to ticked days" was
	// pressed with no day ticked; "" otherwise.
	copyUnticked string
}

// view builds the page model.
func (t hoursTarget[T]) view(who *Identity, p editorPage[T], now time.Time) (views.HoursEditor, error) {
	g := t.get(p.base)
	typed, mine, err := t.mine(p)
	if err != nil {
		return views.HoursEditor{}, err
	}
	pending, err := t.pending(p, mine)
	if err != nil {
		return views.HoursEditor{}, err
	}
	conflict, err := conflictPanel(t.noun, t.choiceFields(p.form.Choices), p.form.Choices,
		typed, p.base, hoursFieldLabel, hoursValueWords)
	if err != nil {
		return views.HoursEditor{}, err
	}
	conflict.Unknown = p.unknown
	z := zones{}
	readOnly := !who.May(access.EditHours, g.OfficeID)
	v := views.HoursEditor{
		Kind:        t.noun,
		Action:      t.pageURL(p.id),
		PreviewURL:  t.pageURL(p.id) + "/preview",
		ListHref:    t.path,
		ListLabel:   t.listLabel,
		IVRHref:     "/ivrs/" + t.kind + "/" + p.id.String(),
		HistoryHref: historyHref(who, audit.Kind(t.kind), p.id.String()),
		Header:      editorHeader(g, p.office, p.tz, p.status, z, now),
		Base:        p.token,
		Office:      p.office,
		ReadOnly:    readOnly,
		Message:     p.message,
		Problems:    p.form.Problems,
		Conflict:    conflict,
		Name:        p.form.Name,
		Description: p.form.Description,
		RingSeconds: p.form.RingSeconds,
		HoursOn:     p.form.HoursOn,
		Days:        editorDays(p.form, p.tz, z, now, p.copyUnticked),
		FieldErrors: p.form.FieldErrors,
		Pending:     pending,
	}
	if readOnly {
		v.ReadOnlyNote = who.readOnlyReason(access.EditHours, Resource(t.kind), g.OfficeID, p.office)
	}
	return v, nil
}

// pending lists what a save would change against the base, field by
// field, and counts the problems that would stop it.
func (t hoursTarget[T]) pending(p editorPage[T], mine T) (views.PendingChanges, error) {
	d, err := dialpad.ComputePatch(p.base, mine, p.base, t.spec)
	if err != nil {
		return views.PendingChanges{}, err
	}
	var out views.PendingChanges
	for _, c := range d.Changes {
		item := views.PendingChange{
			Label: hoursFieldLabel(c.Field),
			Old:   hoursValueWords(c.Field, c.Old),
			New:   hoursValueWords(c.Field, c.New),
		}
		if day, ok := editorDayOf(c.Field); ok {
			// A night shift not split yet is a problem, not a change to send.
			_, errs := dialpad.ParseDay(day, dayTimes(c.New))
			item.Invalid = len(errs) > 0
		}
		out.Items = append(out.Items, item)
	}
	out.Problems = len(p.form.Problems)
	if p.form.FieldErrors == nil {
		// Not validated yet (a fresh form, an action): count without showing.
		check := p.form
		check.validate(t.get(p.base))
		out.Problems = len(check.Problems)
	}
	return out, nil
}

// choiceFields are the fields of a conflict panel, in the order the page
// shows them; choices for fields this form does not edit are dropped.
func (t hoursTarget[T]) choiceFields(choices map[string]string) []string {
	var fields []string
	for _, f := range t.spec.Fields {
		if _, ok := choices[f]; ok && editorField(f) {
			fields = append(fields, f)
		}
	}
	return fields
}

// editorField reports whether the editor's form has field.
func editorField(f string) bool {
	if _, ok := editorDayOf(f); ok {
		return true
	}
	return slices.Contains([]string{"name", "group_description", "ring_seconds", "hours_on"}, f)
}

// editorDays is the week grid: each day's inputs as typed and its bar,
// drawn from the ranges that parse, with a marker at the local time today.
func editorDays(f hoursForm, tz string, z zones, now time.Time, copyUnticked string) []views.HoursDay {
	today, minute := dialpad.Weekday(-1), -1
	if loc, ok := z.load(tz); ok {
		local := now.In(loc)
		today, minute = dialpad.WeekdayOf(local.Weekday()), local.Hour()*60+local.Minute()
	}
	days := make([]views.HoursDay, 0, 7)
	for _, d := range dialpad.Weekdays() {
		hd := views.HoursDay{Field: d.Field(), Label: d.Label()}
		if d.Field() == copyUnticked {
			hd.CopyError = "Tick the days to copy " + d.Label() + "'s hours to."
		}
		for _, p := range timePairs(f.Days[d]) {
			_, _, overnight := dialpad.SplitAtMidnight(p[0], p[1])
			hd.Ranges = append(hd.Ranges, views.HoursRange{Open: p[0], Close: p[1], Overnight: overnight})
		}
		flat, _ := dropBlankPairs(f.Days[d])
		ranges, _ := dialpad.ParseDay(d, flat)
		hd.Bar = views.DayBar{Label: d.Label()[:3], Closed: len(ranges) == 0, Now: -1}
		for _, r := range ranges {
			hd.Bar.Ranges = append(hd.Bar.Ranges, views.BarRange{
				Start: r.Open,
				Width: r.Close - r.Open,
				Title: dialpad.FormatClock(r.Open) + "–" + dialpad.FormatClock(r.Close),
			})
		}
		if d == today {
			hd.Bar.Now = minute
		}
		days = append(days, hd)
	}
	return days
}

// officeLabel is the office's name for the page, or its id when Dialpad did
// not say.
func officeLabel(name string, id dialpad.ID) string {
	if name = strings.TrimSpace(name); name != "" {
		return truncateRunes(name, 200)
	}
	return officeIndex{}.name(id)
}
