package access

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"

	"switchboard/dialpad"
)

// Grant gives one person one role; an office admin's grant names the office.
// A person may hold several grants (support everywhere and office admin of
// London); their rights are the union.
type Grant struct {
	Email    string     // compared case-insensitively; stored as NormalizeEmail gives it
	Role     Role       // never None
	OfficeID dialpad.ID // only for OfficeAdmin, zero otherwise
}

// NormalizeEmail is the form emails are stored and compared in: trimmed and
// lower-cased. Dialpad treats addresses case-insensitively, and so do people.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// NewGrant checks and normalizes a grant typed by a person. Every problem is
// a plain sentence fit for a form or the command line.
func NewGrant(email string, role Role, office dialpad.ID) (Grant, error) {
	g := Grant{Email: NormalizeEmail(email), Role: role, OfficeID: office}
	var errs []error
	if a, err := mail.ParseAddress(g.Email); err != nil || a.Address != g.Email {
		errs = append(errs, fmt.Errorf("%q is not an email address", strings.TrimSpace(email)))
	}
	switch {
	case role == None:
		errs = append(errs, errors.New("choose a role"))
	case role.PerOffice() && office == 0:
		errs = append(errs, errors.New("an office admin needs an office"))
	case !role.PerOffice() && office != 0:
		errs = append(errs, fmt.Errorf("the %s role covers every office; leave the office out", role))
	}
	return g, errors.Join(errs...)
}

// String is the grant in words, for logs and the command line.
func (g Grant) String() string {
	if g.Role.PerOffice() {
		return fmt.Sprintf("%s %s of office %s", g.Email, g.Role, g.OfficeID)
	}
	return fmt.Sprintf("%s %s", g.Email, g.Role)
}
