package handlers

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// group is what a call center and a department share on a list.
type group struct {
	ID          dialpad.ID
	OfficeID    dialpad.ID
	Name        string
	Timezone    string
	RingSeconds dialpad.Int
	Hours       dialpad.WeekHours
	IVRTarget   string // target_type of its custom IVRs
}

// groupRows builds table rows sorted by name. A group without its own time
// zone keeps its office's, which is what Dialpad applies.
func groupRows(groups []group, hrefPrefix string, offices officeIndex, now time.Time) []views.GroupRow {
	slices.SortStableFunc(groups, func(a, b group) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	z := zones{}
	rows := make([]views.GroupRow, 0, len(groups))
	for _, g := range groups {
		tz := cmp.Or(g.Timezone, offices[g.OfficeID].Timezone)
		row := views.GroupRow{
			Name:     g.Name,
			Href:     hrefPrefix + g.ID.String(),
			Office:   offices.name(g.OfficeID),
			Timezone: tz,
			Hours:    hoursSummary(g.Hours),
			Status:   openBadge(g.Hours, tz, z, now),
		}
		if g.IVRTarget != "" {
			row.IVRHref = "/ivrs/" + g.IVRTarget + "/" + g.ID.String()
		}
		if g.RingSeconds > 0 {
			row.RingSeconds = strconv.FormatInt(int64(g.RingSeconds), 10)
		}
		rows = append(rows, row)
	}
	return rows
}

func callCenterGroups(ccs []dialpad.CallCenter) []group {
	gs := make([]group, len(ccs))
	for i, c := range ccs {
		gs[i] = group{c.ID, c.OfficeID, c.Name, c.Timezone, c.RingSeconds, c.WeekHours, dialpad.TargetCallCenter}
	}
	return gs
}

func departmentGroups(ds []dialpad.Department) []group {
	gs := make([]group, len(ds))
	for i, d := range ds {
		gs[i] = group{d.ID, d.OfficeID, d.Name, d.Timezone, d.RingSeconds, d.WeekHours, dialpad.TargetDepartment}
	}
	return gs
}
