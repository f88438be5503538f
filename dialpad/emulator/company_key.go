package emulator

import (
	"time"

	"switchboard/dialpad"
)

// farFuture is when a company API key expires: never, until revoked.
var farFuture = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// IssueCompanyKey returns a new company API key, as a company admin creates
// one in Dialpad's admin portal. It is sent like a token (Authorization:
// Bearer, or ?apikey=). The spec says a key's user "must have company
// administrator permissions", so the key acts as a company admin of the
// company (the seeded one, Dana Whitfield, or else the first super admin):
// it may do exactly what a company admin may. It never expires;
// RevokeCompanyKey ends it. "" when the company has no admin.
func (e *Emulator) IssueCompanyKey() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	admin, ok := e.companyAdmin()
	if !ok {
		return ""
	}
	key := "dpk_" + randomToken()
	e.grants.keys[key] = admin
	return key
}

// RevokeCompanyKey ends a company API key: every later request with it
// answers 401, as Dialpad does for a deleted key.
func (e *Emulator) RevokeCompanyKey(key string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.grants.keys, key)
}

// companyAdmin is the super admin a company key acts as. The caller holds e.mu.
func (e *Emulator) companyAdmin() (dialpad.ID, bool) {
	if u, ok := e.st.users.get(AdminUserID); ok && u.IsSuperAdmin {
		return AdminUserID, true
	}
	for _, u := range e.st.users.all() {
		if u.IsSuperAdmin {
			return u.ID, true
		}
	}
	return 0, false
}

// isCompanyKey tells whether token is a live company API key.
func (g *grantStore) isCompanyKey(token string) bool {
	_, ok := g.keys[token]
	return ok && token != ""
}
