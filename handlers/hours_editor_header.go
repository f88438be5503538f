package handlers

import (
	"strconv"
	"time"

	"switchboard/dialpad"
	"switchboard/views"
)

// Why the "right now" badge comes from where it does, in the page's words
// (views.NowLive and views.NowComputed say where).
const (
	whyLive           = "Dialpad's own open or closed state, holidays included."
	whyNoLive         = "Dialpad has a live status for call centers only; holidays are not counted."
	whyComputedFailed = "Dialpad's live status did not answer; holidays are not counted."
)

// editorStatus is what the header knows about "open right now": Dialpad's
// live status when it answered, else nothing and the page computes it.
type editorStatus struct {
	live   *dialpad.CallCenterStatus
	failed bool // asked and got no answer, as opposed to not asked
}

// editorHeader is the header of the editor: name, office, time zone, the
// local time there and whether the resource takes calls right now.
func editorHeader(g groupEdit, office, tz string, st editorStatus, z zones, now time.Time) views.HoursHeader {
	hdr := views.HoursHeader{Name: g.Name, Office: office, Timezone: tz}
	if loc, ok := z.load(tz); ok {
		hdr.LocalTime = now.In(loc).Format("Mon 15:04 MST")
	} else {
		hdr.Timezone = ""
	}
	if b, detail, ok := liveBadge(st.live); ok {
		hdr.Status, hdr.Detail, hdr.Source, hdr.SourceWhy = b, detail, views.NowLive, whyLive
		return hdr
	}
	hdr.Status = openBadge(g.Week, tz, z, now)
	hdr.Source, hdr.SourceWhy = views.NowComputed, whyNoLive
	if st.failed {
		hdr.SourceWhy = whyComputedFailed
	}
	return hdr
}

// liveBadge words Dialpad's status; ok is false when there is none or its
// status is not one the spec names.
func liveBadge(st *dialpad.CallCenterStatus) (b views.Badge, detail string, ok bool) {
	if st == nil {
		return b, "", false
	}
	switch st.Availability.Status {
	case "open":
		b = views.Badge{Label: "Open", Color: views.BadgeGreen}
	case "holiday_open":
		b = views.Badge{Label: "Open (holiday hours)", Color: views.BadgeGreen}
	case "closed":
		b = views.Badge{Label: "Closed", Color: views.BadgeGrey}
	case "holiday_closed":
		b = views.Badge{Label: "Closed for a holiday", Color: views.BadgeGrey}
	default:
		return b, "", false
	}
	if b.Color == views.BadgeGreen {
		detail = howMany(int64(st.OnDutyOperators), "operator", "operators") + " on duty · " +
			howMany(int64(st.Pending), "call", "calls") + " waiting"
	}
	return b, detail, true
}

// howMany is "1 call", "3 calls", "no calls".
func howMany(n int64, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}
