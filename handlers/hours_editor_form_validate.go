package handlers

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"switchboard/dialpad"
)

// Limits from Dialpad's UpdateCallCenterMessage and UpdateDepartmentMessage.
const (
	groupMaxName        = 100
	groupMaxDescription = 256
	groupMinRing        = 10
	groupMaxRing        = 45
)

// validate checks the form before anything is sent, filling FieldErrors
// (the message beside each field) and Problems (the summary at the top, in
// page order). Hours use Dialpad's own parser and its messages. baseRing is
// the resource's ring time: a blank ring time is fine only where Dialpad
// has none either.
func (f *hoursForm) validate(base groupEdit) {
	f.FieldErrors, f.Problems = map[string]string{}, nil

	switch n := utf8.RuneCountInString(dialpad.NormalizeLine(f.Name)); {
	case n == 0:
		f.addError("name", "Name", "enter a name")
	case n > groupMaxName:
		f.addError("name", "Name", fmt.Sprintf("%d characters long; Dialpad allows at most %d", n, groupMaxName))
	default:
		if msg := lineProblem(f.Name, base.Name, dialpad.NormalizeLine); msg != "" {
			f.addError("name", "Name", msg)
		}
	}
	if n := utf8.RuneCountInString(dialpad.NormalizeText(f.Description)); n > groupMaxDescription {
		f.addError("group_description", "Description",
			fmt.Sprintf("%d characters long; Dialpad allows at most %d", n, groupMaxDescription))
	} else if msg := paragraphProblem(f.Description, base.Description, dialpad.NormalizeText); msg != "" {
		f.addError("group_description", "Description", msg)
	}
	if baseRing := base.RingSeconds; f.RingSeconds != "" || baseRing != 0 {
		n, err := strconv.Atoi(f.RingSeconds)
		switch {
		case err != nil:
			f.addError("ring_seconds", "Ring time", "must be a whole number of seconds, like 30")
		case n < groupMinRing || n > groupMaxRing:
			f.addError("ring_seconds", "Ring time",
				fmt.Sprintf("must be between %d and %d seconds, not %d", groupMinRing, groupMaxRing, n))
		}
	}
	for _, d := range dialpad.Weekdays() {
		f.validateDay(d)
	}
}

// validateDay runs Dialpad's parser over the day as it would be sent and
// puts each message beside the inputs it is about.
func (f *hoursForm) validateDay(d dialpad.Weekday) {
	field := d.Field()
	if f.Truncated[d] {
		f.addError(field, d.Label(), fmt.Sprintf("at most %d ranges a day; the rest were left out", editorMaxRanges))
	}
	raw := f.Days[d]
	flat, index := dropBlankPairs(raw)
	_, errs := dialpad.ParseDay(d, flat)
	for _, e := range errs {
		if e.Range < 0 || e.Range >= len(index) {
			f.addError(field, d.Label(), e.Msg)
			continue
		}
		n := index[e.Range]
		key := field + "." + strconv.Itoa(n)
		where := fmt.Sprintf("%s, range %d", d.Label(), n+1)
		msg := e.Msg
		// Half a range: "opening time "" is not a time" says less than this.
		if raw[2*n] == "" || 2*n+1 >= len(raw) || raw[2*n+1] == "" {
			msg = "enter both an opening and a closing time"
			if f.FieldErrors[key] != "" {
				continue
			}
		}
		f.addError(key, where, msg)
	}
}

// addError records msg for key, after any message already there, and in
// the summary as "where: msg".
func (f *hoursForm) addError(key, where, msg string) {
	if prev := f.FieldErrors[key]; prev != "" {
		f.FieldErrors[key] = prev + " " + editorSentence(msg)
	} else {
		f.FieldErrors[key] = editorSentence(msg)
	}
	f.Problems = append(f.Problems, where+": "+msg)
}

// editorSentence capitalises msg and ends it with a full stop.
func editorSentence(msg string) string {
	if msg == "" {
		return msg
	}
	r, size := utf8.DecodeRuneInString(msg)
	msg = string(unicode.ToUpper(r)) + msg[size:]
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
