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
	InUse          int // types playing a custom recording
}

// IVRHeader names the target and links around it.
type IVRHeader struct {
	Kind       string // "call center"
	Plural     string // "call centers"
	Name       string
	BackHref   string
	BackLabel  string
	UploadHref string // "" when Dialpad takes no uploads for this kind
	CopyHref   string // "" when there is nowhere to copy to
	CopyLabel  string // "Copy to other call centers"
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
	ReadOnly     bool
	ReadOnlyNote string
}

// IVRTypeGroup is a section of IVR types as an <optgroup>.
type IVRTypeGroup struct {
	Label   string
	Options []Option
}

// IVRCopy is the copy-assignments flow: pick targets, preview, results.
type IVRCopy struct {
	Header  IVRHeader
	Action  string // POST: preview
	Apply   string // POST: apply the sealed plan
	Source  []IVRCopySourceRow
	Targets []IVRCopyTarget
	Error   string // about the target choice
	Plan    string // sealed plan, on the preview
	Preview []IVRCopyResult
	Results []IVRCopyResult
	ToApply int
	Summary string
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
	Name  string
	Href  string
	Note  string // "Already the same", or why nothing can be read
	Items []IVRCopyItem
}

// IVRCopyItem is one type of one target.
type IVRCopyItem struct {
	Label  string
	From   string
	To     string
	Status string // "change", "done", "failed", "skipped"
	Note   string
}
