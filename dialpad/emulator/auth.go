package emulator

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"switchboard/dialpad"
)

type ctxKey int

const userKey ctxKey = 0

// bearerToken reads the API credential: "Authorization: Bearer <token>" or
// Dialpad's ?apikey= query parameter.
func bearerToken(r *http.Request) string {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, ok := strings.Cut(h, " ")
		if ok && strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(tok)
		}
		return ""
	}
	return r.URL.Query().Get("apikey")
}

// authenticate answers 401 unless the request carries a live access token,
// and passes the token's user on in the context.
func (e *Emulator) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		e.mu.Lock()
		gr, err := e.grants.valid(bearerToken(r), e.now())
		var userID dialpad.ID
		if err == nil {
			userID = gr.userID
			if _, ok := e.st.users.get(userID); !ok {
				err = unauthorized("the token's user no longer exists")
			}
		}
		e.mu.Unlock()
		if err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="dialpad"`)
			writeError(w, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey, userID)))
	})
}

func requestUser(r *http.Request) dialpad.ID {
	id, _ := r.Context().Value(userKey).(dialpad.ID)
	return id
}

// canWrite allows writes to what an office holds to company admins (super
// admins) and to admins of that office. The caller holds e.mu.
func (e *Emulator) canWrite(userID, officeID dialpad.ID) error {
	u, ok := e.st.users.get(userID)
	if !ok {
		return forbidden("unknown user")
	}
	if u.IsSuperAdmin || slices.Contains(u.AdminOfficeIDs, officeID) {
		return nil
	}
	office := officeID.String()
	if o, ok := e.st.offices.get(officeID); ok {
		office = o.Name
	}
	return forbidden("%s is not a company admin nor an admin of office %s", u.DisplayName, office)
}

// requireCompanyAdmin allows only company admins, as the spec says of
// GET /company and of changing call centers and departments ("Requires a
// company admin API key"): an office admin's or a manager's own token is
// refused even in their own office. The caller holds e.mu.
func (e *Emulator) requireCompanyAdmin(userID dialpad.ID) error {
	u, ok := e.st.users.get(userID)
	if !ok {
		return forbidden("unknown user")
	}
	if u.IsSuperAdmin {
		return nil
	}
	return forbidden("%s: this API requires a company admin API key", u.DisplayName)
}
