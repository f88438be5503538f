package views

// RouterEditor is the page of one call router: what it is now, its
// settings form, and the side panels (numbers, tester, demo).
type RouterEditor struct {
	Header RouterHeader
	// Message is a problem with the last action, at the top of the page
	// (Dialpad's answer, a rate limit).
	Message string
	// Done is a success sentence shown in place (when a new secret is on
	// the page, there is no redirect and so no flash).
	Done string
	// NewSecret is shown once, right after it was set, and never again.
	NewSecret string
	// Wait is Dialpad's wait before the next change, shown by the settings
	// form's Save to people who may edit the router; zero when none.
	Wait    RouterWait
	Reset   RouterReset
	Form    RouterForm
	Numbers RouterNumbers
	Tester  RouterTester
	// NoTester hides the endpoint tester from people whose role may not run it.
	NoTester   bool
	Demo       *RouterDemo // nil outside demo mode
	DeleteHref string
	// WaitScript is the URL of the script that counts a wait down in the
	// browser's own time zone and re-enables the buttons when it ends.
	WaitScript string
}

// RouterWait is Dialpad's wait before it accepts the router's next change
// (one per five minutes). The page names the moment with its zone; the
// wait script rewrites it in the browser's zone and counts down. The zero
// value is no wait.
type RouterWait struct {
	At      string // the moment, RFC 3339 in UTC: the <time> element's datetime
	Clock   string // the moment with its zone named: "10:29 EST"
	Left    string // "in 5 min"
	Seconds int    // whole seconds left when the page was made, counted down by the script
}

// Active reports whether Dialpad would refuse a change now.
func (w RouterWait) Active() bool { return w.At != "" }

// DisabledRouters names the call routers Dialpad disabled, for the callout
// on the overview and the router list: every call to them goes to their
// default target until someone re-enables them.
type DisabledRouters struct {
	Routers  []RouterLink // the first few, by name
	More     int          // how many more are disabled
	MoreHref string       // the list showing them all
}

// RouterLink is a router's name and page.
type RouterLink struct {
	Name string
	Href string
}

// RouterHeader is what the page says about the router right now.
type RouterHeader struct {
	Name          string
	Office        string
	Status        Badge
	URL           RoutingURL
	DefaultTarget string // "Sales (call center)"
	PhoneNumbers  []string
	SecretSet     bool
	IVRHref       string // the router's custom IVR page
	HistoryHref   string // its audit trail; "" for people who may not view it
}

// RouterReset is support's one-click way back for a disabled router.
type RouterReset struct {
	Show     bool // the router is disabled
	Action   string
	Target   string // where calls go meanwhile: "Japan Support (call center)"
	ReadOnly bool
	Note     string // why the button is disabled
	// Wait disables the button until Dialpad accepts a change again.
	Wait RouterWait
}

// RouterForm is the settings form, for a new router and an existing one.
// Field names are the API's; the default target travels as one select whose
// values are "type:id".
type RouterForm struct {
	New    bool
	Action string
	Submit string // the button: "Save changes", "Create router"
	Base   string // sealed state of an existing router; "" for a new one

	ReadOnly     bool
	ReadOnlyNote string
	Message      string   // Dialpad's answer to a create; an edit's shows on the page
	Problems     []string // every validation message, for the summary at the top
	Conflict     ConflictPanel
	TargetsNote  string // the target lists could not be loaded

	Name          string
	RoutingURL    string
	DefaultTarget string // "callcenter:123"
	OfficeID      string
	Enabled       bool
	Targets       []OptionGroup
	Offices       []Option

	// TargetsClosed shows the chosen target by name instead of the select:
	// the select's lists (every office, department, call center and user)
	// cost dozens of Dialpad calls in a large company, so they are read
	// only when the person asks. ChooseURL fetches the select with htmx;
	// ChooseHref reloads the page with it, without JavaScript.
	TargetsClosed bool
	TargetLabel   string // "Sales (call center)"
	ChooseURL     string
	ChooseHref    string
	FocusTargets  bool // the select arrives alone, with htmx: focus it

	SecretSet    bool   // the router has a secret now
	SecretAction string // one of the SecretKeep/SecretGenerate/SecretSet values
	// SecretNote says why the secret field is empty when the form comes
	// back after the person pasted one: a pasted secret is never put
	// back into a page, so they paste it again.
	SecretNote      string
	ResetErrorCount bool
	ShowReset       bool // offer reset_error_count in the form (existing routers)

	// FieldErrors holds messages by field name: "name", "routing_url",
	// "default_target", "office_id", "secret".
	FieldErrors map[string]string
}

// Values of the secret choice (secret_action).
const (
	SecretKeep     = "keep"     // leave it as it is (or none, for a new router)
	SecretGenerate = "generate" // a strong random one, shown once
	SecretPaste    = "set"      // the pasted one
)

// OptionGroup is an <optgroup> of a select.
type OptionGroup struct {
	Label   string
	Options []Option
}

// RouterNumbers lists the router's numbers and assigns another.
type RouterNumbers struct {
	Action      string
	Numbers     []string
	Number      string
	AreaCode    string
	Primary     bool
	Message     string // Dialpad refused the assignment
	ReadOnly    bool
	FieldErrors map[string]string // "number", "area_code"
}

// RouterTester sends the routing URL a sample call and shows the verdict.
type RouterTester struct {
	Action      string
	URL         RoutingURL
	SecretSet   bool
	FieldErrors map[string]string // "secret"
	Result      *RouterTestResult
}

// RouterTestResult is one test call as a support agent reads it.
type RouterTestResult struct {
	Verdict     string // "Would be routed to Sales (call center) in 120 ms."
	OK          bool   // would be routed
	Status      string // "200", or "No answer"
	Latency     string // "120 ms"
	LimitShare  int    // latency as a percentage of Dialpad's limit, at most 100
	Limit       string // "5 s"
	WithinLimit bool
	Answer      string // "Sales (call center)", "call center 404 (does not exist)", "No valid answer"
	Signed      bool   // sent as an HS256 JWT rather than raw JSON
	Hint        string // what to try next, when the verdict alone may mislead
}

// RouterDemo is demo mode's call simulator for one router. Demo-only: it is
// absent unless the console runs with -demo.
type RouterDemo struct {
	Action     string
	HasService bool // the router's routing URL is the demo routing service
	Failing    bool // the demo service answers 500
	HasNumber  bool // calls arrive on a number; without one none can
	ErrorCount int  // routing errors in the past hour
}

// RouterDelete is the confirmation before deleting a router.
type RouterDelete struct {
	Name     string
	Action   string
	Back     string
	Numbers  []string // go back to the company's reserve
	ReadOnly bool
	Note     string
}
