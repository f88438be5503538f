package views

// Names and values of the per-field choice a conflict panel offers. The
// input of field "ring_seconds" is named "_conflict.ring_seconds" and
// carries ConflictKeepMine or ConflictTakeTheirs.
const (
	ConflictChoicePrefix = "_conflict."
	ConflictKeepMine     = "mine"
	ConflictTakeTheirs   = "theirs"
)

// ConflictPanel lists the fields someone else changed in Dialpad while the
// person was editing them too. Put it inside the form: each row's choice
// travels with the next save. An empty panel renders nothing.
type ConflictPanel struct {
	Kind string // "call center", for the sentence above the rows
	Rows []ConflictRow
	// Unknown words the panel for a save whose outcome is unknown: Dialpad
	// may have applied it, and the rows set the person's input beside
	// what a fresh read found, for every field they changed.
	Unknown bool
}

// ConflictRow is one field both sides changed.
type ConflictRow struct {
	Field      string // the API field ("monday_hours"); names the choice input
	Label      string // "Monday hours"
	Mine       string // the person's value, in words
	Theirs     string // the value in Dialpad now, in words
	TakeTheirs bool   // the choice to show selected; keep mine otherwise
}
