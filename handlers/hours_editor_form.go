package handlers

import (
	"slices"
	"strconv"
	"strings"

	"switchboard/dialpad"
)

// editorMaxRanges bounds the ranges a day may hold. Dialpad names no limit;
// this one keeps a crafted form from rendering thousands of inputs.
const editorMaxRanges = 24

// hoursForm is the editor's form as the person typed it. Every value stays
// a string, so a re-rendered form shows exactly what was entered, invalid
// or not.
type hoursForm struct {
	Name        string
	Description string
	RingSeconds string
	HoursOn     bool
	// Days are each day's times in open, close order, Monday first, blank
	// pairs included (a range just added and not filled in yet).
	Days [7][]string
	// Truncated marks days that arrived with more than editorMaxRanges.
	Truncated [7]bool
	// Choices are the conflict panel's choices: field -> mine or theirs.
	Choices map[string]string
	// CopyTo are the days ticked in each day's copy menu, for the
	// copy:…:chosen action; not part of what is saved.
	CopyTo [7][]dialpad.Weekday

	FieldErrors map[string]string // by field name, see views.HoursEditor
	Problems    []string          // every message, in page order
}

// formFromGroup is the form showing a resource as Dialpad has it.
func formFromGroup(g groupEdit) hoursForm {
	f := hoursForm{Name: g.Name, Description: g.Description, HoursOn: g.Week.HoursOn}
	if g.RingSeconds != 0 {
		f.RingSeconds = strconv.FormatInt(int64(g.RingSeconds), 10)
	}
	for _, d := range dialpad.Weekdays() {
		f.Days[d] = slices.Clone(g.Week.Day(d))
	}
	return f
}

// week is the form's week as it would be sent: blank pairs dropped.
func (f hoursForm) week() dialpad.WeekHours {
	w := dialpad.WeekHours{HoursOn: f.HoursOn}
	for _, d := range dialpad.Weekdays() {
		flat, _ := dropBlankPairs(f.Days[d])
		w.SetDay(d, flat)
	}
	return w
}

// apply is g edited as the form says. A ring time that is not a number
// leaves g's own, so a preview can still diff the rest; validate reports it.
func (f hoursForm) apply(g groupEdit) groupEdit {
	g.Name = dialpad.NormalizeLine(f.Name)
	g.Description = dialpad.NormalizeText(f.Description)
	if n, err := strconv.ParseInt(strings.TrimSpace(f.RingSeconds), 10, 64); err == nil {
		g.RingSeconds = dialpad.Int(n)
	}
	g.Week = f.week()
	return g
}

// dropBlankPairs drops the pairs left entirely blank and returns, for each range
// kept, the index of the pair it came from on the page, so a message about
// a range lands beside the right inputs. An odd time at the end is kept:
// Dialpad's parser reports it.
func dropBlankPairs(raw []string) (flat []string, index []int) {
	for i := 0; i < len(raw); i += 2 {
		if i+1 == len(raw) {
			flat = append(flat, raw[i])
			break
		}
		if raw[i] == "" && raw[i+1] == "" {
			continue
		}
		flat = append(flat, raw[i], raw[i+1])
		index = append(index, i/2)
	}
	return flat, index
}

// timePairs splits a day's times into open/close pairs for the inputs; a
// missing closing time shows as an empty input.
func timePairs(raw []string) [][2]string {
	out := make([][2]string, 0, (len(raw)+1)/2)
	for i := 0; i < len(raw); i += 2 {
		p := [2]string{raw[i], ""}
		if i+1 < len(raw) {
			p[1] = raw[i+1]
		}
		out = append(out, p)
	}
	return out
}
