package views

// AccessList is /access: every grant, and the form to add one.
type AccessList struct {
	Rows        []AccessRow
	Form        AccessForm
	FieldErrors map[string]string // "email", "role", "office_id"
	Message     string            // a problem with the whole form
	Roles       []Option
	Offices     []Option
	Note        string // e.g. offices could not be read
}

// AccessForm is the grant form as typed.
type AccessForm struct {
	Email  string
	Role   string
	Office string
}

// AccessRow is one grant and what revoking it posts.
type AccessRow struct {
	Email    string
	Role     string // in words
	Office   string // name, "" for company-wide roles
	RoleKey  string // posted back to revoke
	OfficeID string // posted back to revoke
}
