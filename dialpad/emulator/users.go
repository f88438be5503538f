package emulator

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/chi/v5"

	"switchboard/dialpad"
)

// listUsers is GET /api/v2/users, filtered by office_id and email.
func (e *Emulator) listUsers(r *http.Request) (json.RawMessage, error) {
	officeID, err := queryID(r, "office_id")
	if err != nil {
		return nil, err
	}
	email := r.URL.Query().Get("email")
	e.mu.Lock()
	defer e.mu.Unlock()
	var users []*userRecord
	for _, u := range e.st.users.all() {
		if officeID != 0 && u.OfficeID != officeID {
			continue
		}
		if email != "" && !slices.ContainsFunc(u.Emails, func(m string) bool { return strings.EqualFold(m, email) }) {
			continue
		}
		users = append(users, u)
	}
	page, err := paginate(users, r.URL.Query(), e.opts.PageSize, func(u *userRecord) json.RawMessage {
		return toWire(u.User)
	})
	if err != nil {
		return nil, err
	}
	return mustMarshal(page), nil
}

// getUser is GET /api/v2/users/{id}; "me" is the token's user.
func (e *Emulator) getUser(r *http.Request) (json.RawMessage, error) {
	id := requestUser(r)
	if chi.URLParam(r, "id") != "me" {
		var err error
		if id, err = pathID(r, "id", "user"); err != nil {
			return nil, err
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	u, ok := e.st.users.get(id)
	if !ok {
		return nil, notFound("user %s not found", id)
	}
	return toWire(u.User), nil
}

// userOffice is the office that holds a user, for write checks.
func (s *store) userOffice(id dialpad.ID) (dialpad.ID, bool) {
	u, ok := s.users.get(id)
	if !ok {
		return 0, false
	}
	return u.OfficeID, true
}
