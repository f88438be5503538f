package views

// HoursEditor is the edit page of one call center or department: its
// header, and the form of its name, description, ring time and week.
type HoursEditor struct {
	Kind       string // "call center" or "department", for sentences
	Action     string // the page and form URL, e.g. "/callcenters/123"
	PreviewURL string // where htmx asks for the pending changes
	ListHref   string
	ListLabel  string // "All call centers"
	IVRHref    string
	// HistoryHref is this resource's audit trail; "" for people who
	// may not view it.
	HistoryHref string
	Header      HoursHeader

	Base   string // sealed form state: the resource the form was rendered from
	Office string // office name, carried so a re-rendered form needs no lookup

	ReadOnly     bool
	ReadOnlyNote string

	Message  string   // a problem with the whole form (Dialpad's answer, say)
	Problems []string // every validation message, for the summary at the top
	Conflict ConflictPanel

	Name        string
	Description string
	RingSeconds string
	HoursOn     bool
	Days        []HoursDay
	// FieldErrors holds messages by field name: "name", "ring_seconds",
	// "monday_hours" (the day), "monday_hours.1" (its second range).
	FieldErrors map[string]string

	Pending PendingChanges
}

// HoursHeader is what the page says about the resource right now.
type HoursHeader struct {
	Name      string
	Office    string
	Timezone  string // "" when unknown
	LocalTime string // "Wed 15:04 GMT"
	Status    Badge  // open right now, closed, 24/7, holiday
	Source    string // where Status comes from: NowLive or NowComputed
	SourceWhy string // why that source: "holidays included", "Dialpad's live status did not answer"
	Detail    string // "3 operators on duty · 1 call waiting"
}

// HoursDay is one row of the week grid.
type HoursDay struct {
	Field  string // "monday_hours", the name of every time input of the row
	Label  string // "Monday"
	Ranges []HoursRange
	Bar    DayBar
	// CopyError says why copying the day did nothing (no day ticked);
	// its copy menu shows open with the message.
	CopyError string
}

// HoursRange is one open/close pair as typed.
type HoursRange struct {
	Open, Close string
	// Overnight: it closes before it opens (22:00-06:00). The row offers to
	// split it at midnight.
	Overnight bool
}

// PendingChanges lists what a save would change, before saving.
type PendingChanges struct {
	Items    []PendingChange
	Problems int // validation problems that would stop a save
}

// PendingChange is one field, old and new, in words.
type PendingChange struct {
	Label    string // "Monday hours"
	Old, New string // "08:00–12:00, 14:00–18:00"
	// Invalid: New cannot be sent as it is (a night shift not split yet,
	// a time that is no time); shown as a problem, not as a change.
	Invalid bool
}
