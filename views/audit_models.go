package views

// Sections of the top navigation for admins.
const (
	NavAudit  = "audit"
	NavAccess = "access"
)

// AuditList is the audit trail page: the filters as typed, their
// problems, and one page of entries, newest first.
type AuditList struct {
	Filter      AuditFilter
	FieldErrors map[string]string // by filter field name
	Kinds       []Option
	Offices     []Option
	Rows        []AuditRow
	OlderHref   string // the next (older) page; "" on the last
	NewestHref  string // back to the first page; "" on it
	CSVHref     string // the same filters as CSV
	Active      bool   // some filter is applied
	Note        string // e.g. offices could not be read
}

// AuditFilter is the filter form's fields as the person typed them.
type AuditFilter struct {
	Email    string
	Kind     string
	Resource string
	Office   string
	From     string // YYYY-MM-DD
	To       string // YYYY-MM-DD, inclusive
}

// AuditRow is one entry.
type AuditRow struct {
	At           string
	AtISO        string
	Name         string
	Email        string
	Credential   string
	Kind         string
	ResourceName string
	ResourceID   string
	Office       string
	Changes      []AuditChange
	Outcome      Badge
	Detail       string // Dialpad's status and message, or why the outcome is unknown
}

// AuditChange is one field's old and new value.
type AuditChange struct {
	Field string
	Old   string
	New   string
}
