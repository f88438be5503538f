package handlers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"switchboard/dialpad"
)

// doAction applies one of the editor's buttons to the form. Actions only
// change what the form shows; nothing reaches Dialpad until Save.
//
//	add:monday_hours              a blank range at the end of Monday
//	remove:monday_hours:1         Monday's second range
//	split:monday_hours:1          Monday's second range, a night shift (22:00-06:00),
//	                              as 22:00-23:59 on Monday and 00:00-06:00 on Tuesday
//	copy:monday_hours:chosen      Monday's ranges to the days ticked in its copy menu
//	                              (_copy_monday_hours=friday_hours...); none ticked: noCopyDaysError
//	copy:monday_hours:weekdays    Monday's ranges to Monday-Friday
//	copy:monday_hours:all         Monday's ranges to every day
//	preset:weekdays               09:00-17:00 Monday-Friday, weekend closed
//	preset:always                 business hours off: open 24/7
//	preset:closed                 closed all week
func (f *hoursForm) doAction(action string) error {
	parts := strings.Split(action, ":")
	switch {
	case len(parts) == 2 && parts[0] == "add":
		d, ok := editorDayOf(parts[1])
		if !ok {
			break
		}
		if days := f.Days[d]; len(days)/2 < editorMaxRanges {
			// An odd count (only from a crafted form) gets its missing close first.
			if len(days)%2 == 1 {
				days = append(days, "")
			}
			f.Days[d] = append(days, "", "")
		}
		return nil
	case len(parts) == 3 && parts[0] == "remove":
		d, ok := editorDayOf(parts[1])
		n, err := strconv.Atoi(parts[2])
		if !ok || err != nil || n < 0 || 2*n >= len(f.Days[d]) {
			break
		}
		f.Days[d] = slices.Delete(f.Days[d], 2*n, min(2*n+2, len(f.Days[d])))
		return nil
	case len(parts) == 3 && parts[0] == "split":
		d, ok := editorDayOf(parts[1])
		n, err := strconv.Atoi(parts[2])
		if !ok || err != nil || n < 0 || 2*n+1 >= len(f.Days[d]) {
			break
		}
		f.splitAtMidnight(d, n)
		return nil
	case len(parts) == 3 && parts[0] == "copy":
		d, ok := editorDayOf(parts[1])
		to, known := f.copyDays(d, parts[2])
		if !ok || !known {
			break
		}
		if len(to) == 0 {
			return noCopyDaysError{from: d}
		}
		src, _ := dropBlankPairs(f.Days[d])
		for _, day := range to {
			if day != d {
				f.Days[day] = slices.Clone(src)
			}
		}
		return nil
	case len(parts) == 2 && parts[0] == "preset":
		return f.preset(parts[1])
	}
	return fmt.Errorf("handlers: unknown editor action %q", action)
}

// noCopyDaysError is the copy menu's "Copy to ticked days" pressed with no
// day ticked: the person's to fix, not an unknown action.
type noCopyDaysError struct{ from dialpad.Weekday }

func (e noCopyDaysError) Error() string {
	return "handlers: no day ticked to copy " + e.from.Label() + " to"
}

// copyDays are the days a copy action of day d goes to: those ticked in
// its menu, Monday-Friday or every day. known is false for any other name.
func (f *hoursForm) copyDays(d dialpad.Weekday, which string) (days []dialpad.Weekday, known bool) {
	switch which {
	case "chosen":
		if d >= dialpad.Monday && d <= dialpad.Sunday {
			return f.CopyTo[d], true
		}
	case "weekdays":
		return dialpad.Weekdays()[:5], true
	case "all":
		return dialpad.Weekdays(), true
	}
	return nil, false
}

// preset fills the week with a common schedule.
func (f *hoursForm) preset(name string) error {
	switch name {
	case "weekdays":
		f.HoursOn = true
		for _, d := range dialpad.Weekdays() {
			f.Days[d] = nil
			if d <= dialpad.Friday {
				f.Days[d] = []string{"09:00", "17:00"}
			}
		}
	case "always":
		// Dialpad's 24/7 is hours off; the days are kept for later.
		f.HoursOn = false
	case "closed":
		f.HoursOn = true
		for _, d := range dialpad.Weekdays() {
			f.Days[d] = nil
		}
	default:
		return fmt.Errorf("handlers: unknown hours preset %q", name)
	}
	f.Truncated = [7]bool{}
	return nil
}

// editorDayOf is the day whose hours field is name ("monday_hours").
func editorDayOf(name string) (dialpad.Weekday, bool) {
	for _, d := range dialpad.Weekdays() {
		if d.Field() == name {
			return d, true
		}
	}
	return 0, false
}

// splitAtMidnight turns day d's range n, a night shift, into its part up to
// the end of d and its part from midnight on the next day, put first there
// (where it belongs in time; an overlap with what is there is reported as
// any other). A range that is not a night shift is left as it is.
func (f *hoursForm) splitAtMidnight(d dialpad.Weekday, n int) {
	today, tomorrow, ok := dialpad.SplitAtMidnight(f.Days[d][2*n], f.Days[d][2*n+1])
	next := d.Next()
	if !ok || (tomorrow != nil && len(f.Days[next])/2 >= editorMaxRanges) {
		return
	}
	copy(f.Days[d][2*n:], today)
	if tomorrow != nil {
		f.Days[next] = append(tomorrow, f.Days[next]...)
	}
}
