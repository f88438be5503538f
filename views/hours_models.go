package views

// NavHours is the business hours review in the top navigation.
const NavHours = "hours"

// BadgeAmber marks a conflict: something to look at, not a failure.
const BadgeAmber = "amber"

// HoursReview is the managers' review of every call center's and
// department's business hours.
type HoursReview struct {
	Filter  HoursFilter
	Notices []string // offices Dialpad did not list, in plain words
	Note    string   // a filter that was ignored
	Age     string   // "Data from Dialpad, 12 s ago"
	Refresh string   // the same view, read fresh
	CSV     string   // the same view as CSV
	// Highlights shows the key to the highlight: some office shown has a
	// usual schedule to differ from.
	Highlights bool
	Offices    []HoursOffice
	Count      int // rows shown, over all offices
	Empty      EmptyState
	// CanBulk shows the checkboxes and the bulk button: the person may
	// edit at least one office. ReadOnlyNote explains their absence.
	CanBulk      bool
	ReadOnlyNote string
	// BulkOffice is the office filter, passed on to bulk apply so it
	// reads the same cached lists; "" for every office.
	BulkOffice string
}

// HoursFilter is the filter form of the review: office, name and kind.
type HoursFilter struct {
	Offices []Option
	Kinds   []Option
	Query   string
	Active  bool
}

// HoursOffice is one office's rows under a header naming its usual
// schedule, the only place the page words it.
type HoursOffice struct {
	Name       string
	Timezone   string
	UsualHours []Words // "Mon–Fri 09:00–17:00", a line per set of days; nil when none
	// UsualNote is "4 of 8 call centers and departments keep these hours;
	// the 4 below differ.", or why there is no usual schedule.
	UsualNote string
	BulkHref  string // bulk apply to every editable row shown; "" when none
	Rows      []HoursRow
}

// Words is worded hours in parts; the parts marked Keep (a range such as
// "09:00–17:00", a run of days such as "Mon–Fri") never break across lines.
type Words []WordPart

// WordPart is a piece of Words.
type WordPart struct {
	Text string
	Keep bool
}

// HoursRow is one call center or department.
type HoursRow struct {
	Target     string // "callcenter:123", the bulk checkbox value
	Kind       string // "Call center" or "Department"
	Name       string
	Href       string
	Timezone   string
	Week       WeekBars
	Summary    []Words
	Status     Badge
	Next       string // when Status next changes: "opens Mon 09:00", "closes 17:00"; "" when never
	Differs    bool
	DiffNote   []Words // only how it differs: "Sat 10:00–14:00 (usually closed)"
	Selectable bool    // the person may edit it
}

// WeekBars is a week drawn as seven 24-hour lines.
type WeekBars struct {
	AllDay bool   // hours off: open around the clock
	Label  string // the week in words, for screen readers and hover
	Days   []DayBar
}

// DayBar is one day's line. Positions are minutes since midnight (0-1440),
// which is the SVG's coordinate system.
type DayBar struct {
	Label  string // "Mon"
	Closed bool
	Ranges []BarRange
	Now    int // minute of the local time when this is today; -1 otherwise
}

// BarRange is one open range on a day's line.
type BarRange struct {
	Start, Width int
	Title        string // "08:00–12:00"
}

// HoursBulk is the bulk apply form: selected targets, one week of hours,
// and, once submitted, a preview or the results.
type HoursBulk struct {
	Targets   []BulkTarget
	Base      string // sealed hours of the targets as they were read
	Week      WeekInput
	FormError string
	// FieldErrors holds messages by field name: "target", "monday_hours"...
	FieldErrors map[string]string
	Notes       []string // targets left out, and why
	Preview     bool     // the targets carry what would change
	Results     []BulkResult
	Summary     string // of the preview or of the results: "3 updated, 1 skipped, 1 failed."
	Max         int    // most targets one batch takes
	BackHref    string
}

// BulkTarget is one selected call center or department.
type BulkTarget struct {
	Value   string // "callcenter:123"
	Name    string
	Kind    string
	Office  string
	Current string // its hours now, in words
	Checked bool
	Change  string // after a preview: "Will change Monday, Tuesday" or "Already matches — skipped"
	Skip    bool   // the preview found nothing to change
}

// WeekInput is the week as typed: per day a list of times in open/close
// pairs, with empty slots for more ranges.
type WeekInput struct {
	HoursOn bool
	Error   string // beside the hours_on switch
	Days    []DayInput
}

// DayInput is one day's inputs, named as the API field ("monday_hours").
type DayInput struct {
	Field string
	Label string
	Pairs [][2]string
	Error string
}

// BulkResult is what happened to one target.
type BulkResult struct {
	Name    string
	Kind    string
	Href    string
	Outcome Badge  // Updated, Skipped, Failed, Conflict
	Detail  string // "Monday, Tuesday"; "already matches"; Dialpad's problem in words
}
