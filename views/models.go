// Package views holds the console's templ components: the layout, one file
// per page, and small shared parts. Components take plain view-model structs
// built by handlers, so views never import handlers, web or dialpad.
package views

// LayoutData is what every full page needs around its content.
type LayoutData struct {
	Title    string
	UserName string
	Role     string
	SignedIn bool
	Flash    string // shown once, then gone
	// FlashWarning shows Flash as bad news, in the warning style.
	FlashWarning bool
	CSS          string // hashed asset URLs
	HTMX         string
	JS           string
	Icon         string // the tab icon, so browsers stop asking for /favicon.ico
	Nav          string // active section: one of the Nav* constants
	// DataAge says how old the Dialpad data on the page is ("Data from
	// Dialpad, 12 s ago"); DataRefresh reads the page afresh. Empty when
	// the page showed nothing from Dialpad.
	DataAge     string
	DataRefresh string
	// AuditLink and AccessLink add /audit and /access to the navigation,
	// for people who may use them (admins).
	AuditLink  bool
	AccessLink bool
}

// Sections of the top navigation, used as LayoutData.Nav.
const (
	NavOverview    = "overview"
	NavCallCenters = "callcenters"
	NavDepartments = "departments"
	NavRouters     = "routers"
)

// Badge colours, matching the .badge-* classes in app.css.
const (
	BadgeGreen = "green" // Enabled, Open
	BadgeRed   = "red"   // Disabled
	BadgeGrey  = "grey"  // Closed
	BadgeBlue  = "blue"  // 24/7
)

// Badge is a small coloured status label. Title, when set, explains it on hover.
type Badge struct {
	Label string
	Color string
	Title string
}

// Option is one choice of a select.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// FilterBar is the GET form above a list: an office select and, where the
// API can search by name, a search box.
type FilterBar struct {
	Action     string // the list's path, e.g. "/callcenters"
	Offices    []Option
	Query      string
	ShowSearch bool
	Active     bool   // some filter is applied, so offer to clear it
	Note       string // why a filter was ignored, in plain words
}

// EmptyState stands in for a table with no rows.
type EmptyState struct {
	Message   string
	ClearHref string // set when filters caused the emptiness
}

// ErrorView is an error in plain words, as a page or as a panel swapped in
// by htmx.
type ErrorView struct {
	Status      int
	Title       string
	Message     string
	ActionHref  string
	ActionLabel string
}

// HomeView is the overview page.
type HomeView struct {
	CompanyName string
	Domain      string
	CompanyNote string // why the company's details are missing ("" when shown)
	Stats       []Stat
	Offices     []OfficeRow
	Disabled    DisabledRouters // call routers Dialpad disabled
}

// Stat is one headline number with a link to the list behind it.
type Stat struct {
	Label  string
	Value  int
	Detail string
	Href   string
}

// OfficeRow is one office on the overview.
type OfficeRow struct {
	Name        string
	Primary     bool
	Timezone    string
	LocalTime   string // "Tue 14:05 BST", or "" when the zone is unknown
	CallCenters CountLink
	Departments CountLink
	Routers     CountLink
	IVRHref     string // the office's custom IVRs
}

// CountLink is a count linking to the list it counts.
type CountLink struct {
	N    int
	Href string
}

// GroupList is the call center or department list: both share Dialpad's
// group model and so one table.
type GroupList struct {
	Filter FilterBar
	Rows   []GroupRow
	Empty  EmptyState
}

// GroupRow is one call center or department.
type GroupRow struct {
	Name        string
	Href        string
	Office      string
	Timezone    string
	Hours       []string // "Mon–Fri 08:00–12:00, 14:00–18:00", one line per run of days
	Status      Badge    // Open, Closed or 24/7 right now
	RingSeconds string
	IVRHref     string // its custom IVRs; "" for none
}

// RouterList is the call router list.
type RouterList struct {
	Filter   FilterBar
	Rows     []RouterRow
	Empty    EmptyState
	NewHref  string          // "" when the person cannot create routers
	Disabled DisabledRouters // the disabled routers among Rows
}

// RouterRow is one call router.
type RouterRow struct {
	Name              string
	Href              string // the router's page
	Office            string
	URL               RoutingURL
	DefaultTarget     string // the target's name ("Sales"); its kind and id when Dialpad lists no such target; "None" when unset
	DefaultTargetKind string // "Call center", under the name; "" when unset or unknown
	PhoneNumbers      []string
	Status            Badge
	StatusNote        string // what the status means for calls: "Calls go to the default target"
}

// RoutingURL is a routing URL split so the host can stand out: the host is
// what a support person checks first.
type RoutingURL struct {
	Before string // "https://"
	Host   string
	After  string // path and query
}
