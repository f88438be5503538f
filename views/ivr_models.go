package views

// IVRPage is the custom IVR assignments of one call center, department,
// office, person...: per IVR type what plays, and a select to change it.
type IVRPage struct {
	Header         IVRHeader
	Action         string // the assignments form posts here
	UnassignAction string // the per-type "Use Dialpad default" buttons post here
	Base           string // sealed state the form was rendered from
	ReadOnly       bool
	ReadOnlyNote   string
	Message        string // a Dialpad failure in plain words
	Problems       []string
	Conflict       ConflictPanel
	Sections       []IVRSection
	InUse          int  // types playing a custom recording
	HasChoices     bool // some type has recordings to choose from
}

// IVRHeader names the target and links around it.
type IVRHeader struct {
	Kind        string // "call center"
	Plural      string // "call centers"
	Name        string
	BackHref    string
	BackLabel   string
	UploadHref  string // "" when Dialpad takes no uploads for this kind
	CopyHref    string // "" when there is nowhere to copy to
	CopyLabel   string // "Copy to other call centers"
	Note        string // why something is missing, e.g. uploads for routers
	HistoryHref string // the target's IVR audit trail; "" for people who may not view it
}

// IVRSection is one group of IVR types, "Hold queue and music".
type IVRSection struct {
	Key   string
	Title string
	Lead  string
	Rows  []IVRTypeRow // types with custom recordings
	Empty []IVRTypeRow // types without any: a compact list
	InUse int
}

// IVRTypeRow is one IVR type of the target.
type IVRTypeRow struct {
	Type        string // the spec's ivr_type; names the select
	Label       string
	Description string
	Current     []IVRRecording // what Dialpad plays now; none = Dialpad default
	Options     []Option       // "Dialpad default" and each recording
	Direction   string         // name of the call-direction select; "" when the type has none
	Directions  []Option
	Error       string
	Changed     bool // the person's choice differs from Dialpad's
	CanUnassign bool
	Recordings  []IVRRecording
	UploadHref  string
}

// IVRRecording is one custom IVR.
type IVRRecording struct {
	ID          string
	Name        string
	Description string
	Added       string // "1 Mar 2024"
	AudioURL    string // "" when there is no audio to play
	RenameHref  string
	Selected    bool
}

// IVRRename is the form that renames or redescribes a recording.
type IVRRename struct {
	Header       IVRHeader
	Action       string
	Base         string
	Recording    IVRRecording
	TypeLabel    string
	Name         string
	Description  string
	FieldErrors  map[string]string
	Message      string
	Conflict     ConflictPanel
	ReadOnly     bool
	ReadOnlyNote string
}

// IVRUpload is the form that uploads a new recording.
type IVRUpload struct {
	Header       IVRHeader
	Action       string
	Base         string
	Types        []IVRTypeGroup
	Name         string
	Description  string
	FieldErrors  map[string]string
	Message      string
	MaxMB        int
	FileAgain    string // the file to choose again after the form came back; "" for none
	ReadOnly     bool
	ReadOnlyNote string
}

// IVRTypeGroup is a section of IVR types as an <optgroup>.
type IVRTypeGroup struct {
	Label   string
	Options []Option
}

// IVRCopy is the copy-assignments flow: pick targets, preview, results.
// With htmx, applying goes target by target (Run): the page shows each
// target's results as they come in, with the progress above them.
type IVRCopy struct {
	Header     IVRHeader
	Action     string // POST: preview
	ChooseHref string // back to the picker with the same targets ticked
	Apply      string // POST: apply the sealed plan
	UploadHref string // the same MP3 to several targets; "" for kinds Dialpad takes no uploads for
	Source     []IVRCopySourceRow
	Picker     IVRTargetPicker
	// ResetDefaults is the opt-in to take targets back to Dialpad's default
	// where the source plays it (each such reset deletes a recording).
	ResetDefaults bool
	Error         string // about the target choice
	Plan          string // sealed plan, on the preview
	Preview       []IVRCopyResult
	Missing       []IVRCopyMissing // recordings of the source some targets lack, with the upload that gives it to them
	Results       []IVRCopyResult
	ToApply       int
	Resets        int // of ToApply, resets to the default: confirmed before anything is sent
	TargetsIn     int // targets the changes go to
	Summary       string
	Run           *IVRCopyProgress // applying target by target
}

// IVRCopyMissing is one recording of the source that some targets have
// no recording of the same name for.
type IVRCopyMissing struct {
	Name       string // the recording's name
	Label      string // its IVR type, "Hold music"
	Count      int    // targets without it
	UploadHref string // the upload to several, filled in for them
}

// IVRTargetPicker is a list of targets to tick, grouped by office, with
// select all / none per office (a GET that re-renders the form with the
// selection, or the script in Script) and a filter (Script only).
type IVRTargetPicker struct {
	Plural       string // "call centers"
	Groups       []IVRTargetGroup
	SelectAction string // GET: the same form with one office selected or cleared
	Script       string // static/js/ivr_targets.js
}

// IVRTargetGroup is one office's targets.
type IVRTargetGroup struct {
	Key     string // the office's id, "0" for targets without one
	Name    string
	Targets []IVRCopyTarget
}

// IVRCopyProgress is where a copy applied target by target stands.
type IVRCopyProgress struct {
	Done, Total int    // targets applied; targets in the plan
	Kind        string // "call center"
	Plural      string // "call centers"
	Summary     string // "3 done, 1 failed." so far
	BackHref    string
	BackLabel   string
}

// Finished reports that every target has been applied.
func (p IVRCopyProgress) Finished() bool { return p.Done >= p.Total }

// IVRCopyNext asks for one target of a copy applied target by target.
type IVRCopyNext struct {
	Action string // POST
	Vals   string // hx-vals JSON: the target's index and the tally so far
}

// IVRCopySourceRow is one type the source plays a custom recording for.
type IVRCopySourceRow struct {
	Label string
	Names string
}

// IVRCopyTarget is one checkbox of the target list.
type IVRCopyTarget struct {
	ID       string
	Name     string
	Detail   string // office, or why it cannot be picked
	Checked  bool
	Disabled bool
}

// IVRCopyResult is one target in the preview or the results.
type IVRCopyResult struct {
	Anchor string // element id while applying target by target
	Name   string
	Href   string
	Note   string // "Already the same", or why nothing can be read
	Items  []IVRCopyItem
	Next   *IVRCopyNext // set on the target to apply next
}

// IVRCopyItem is one type of one target.
type IVRCopyItem struct {
	Label   string
	From    string
	To      string
	Status  string // preview: "assign", "reset", "same", "unavailable", "kept"; applying: "waiting", "done", "failed", "skipped", "unknown"
	Note    string
	FixHref string // where to fix a skipped item: the target's upload page
	FixText string
}

// IVRDeleteConfirm asks before a save that deletes recordings: going back
// to Dialpad's default deletes the recording in Dialpad.
type IVRDeleteConfirm struct {
	Header  IVRHeader
	Action  string // POST: confirm or cancel, with the sealed plan
	Back    string
	Plan    string
	Deletes []IVRDeleteItem
	Others  []string // other changes saved with the deletes: "Greeting: A → B"
}

// IVRDeleteItem is one recording a save deletes.
type IVRDeleteItem struct {
	Type           string
	ID             string // the recording's id
	TypeLabel      string
	Name           string
	BothDirections bool // the person picked one call direction; the delete takes both
}

// IVRCopyUpload uploads one MP3 to several targets of a kind at once: the
// way to copy audio, which Dialpad offers no download of.
type IVRCopyUpload struct {
	Header      IVRHeader
	Action      string // POST, multipart
	Types       []IVRTypeGroup
	Name        string
	Description string
	Picker      IVRTargetPicker
	FieldErrors map[string]string // ivr_type, name, description, target_id, file
	MaxMB       int
	FileAgain   string // the file to choose again after the form came back; "" for none
	Outcomes    []IVRUploadOutcome
	Summary     string // after uploading: "Uploaded to 2 of 3 call centers."
}

// IVRUploadOutcome is what came of uploading to one target.
type IVRUploadOutcome struct {
	Name    string
	Href    string // the target's IVR page
	Status  string // "applied", "refused", "unknown", "not_sent"
	Message string // Dialpad's refusal in plain words, or what to check
}
