package emulator

import (
	"encoding/json"
	"net/http"
	"strings"

	"switchboard/dialpad"
)

// listGroups is GET /api/v2/callcenters and /api/v2/departments, filtered
// by office_id and name_search (a case-insensitive substring of the name).
func listGroups[T any](e *Emulator, k groupKind[T]) apiFunc {
	return func(r *http.Request) (json.RawMessage, error) {
		officeID, err := queryID(r, "office_id")
		if err != nil {
			return nil, err
		}
		search := strings.ToLower(r.URL.Query().Get("name_search"))
		e.mu.Lock()
		defer e.mu.Unlock()
		var found []*T
		for _, g := range k.table(e.st).all() {
			f := k.fields(g)
			if officeID != 0 && *f.officeID != officeID {
				continue
			}
			if search != "" && !strings.Contains(strings.ToLower(*f.name), search) {
				continue
			}
			found = append(found, g)
		}
		page, err := paginate(found, r.URL.Query(), e.opts.PageSize,
			func(g *T) json.RawMessage { return wireGroup(e, k, g) })
		if err != nil {
			return nil, err
		}
		return mustMarshal(page), nil
	}
}

// getGroup is GET /api/v2/callcenters/{id} and /api/v2/departments/{id}.
func getGroup[T any](e *Emulator, k groupKind[T]) apiFunc {
	return func(r *http.Request) (json.RawMessage, error) {
		id, err := pathID(r, "id", k.noun)
		if err != nil {
			return nil, err
		}
		e.mu.Lock()
		defer e.mu.Unlock()
		g, err := findGroup(e, k, id)
		if err != nil {
			return nil, err
		}
		return wireGroup(e, k, g), nil
	}
}

// wireGroup renders a group with its availability at the emulator's now,
// which Dialpad computes on every read. The caller holds e.mu.
func wireGroup[T any](e *Emulator, k groupKind[T], g *T) json.RawMessage {
	v := *g
	f := k.fields(&v)
	*f.availability = availability(*f.hours, *f.timezone, e.now())
	return toWire(v)
}

// findGroup returns the group with id; the caller holds e.mu.
func findGroup[T any](e *Emulator, k groupKind[T], id dialpad.ID) (*T, error) {
	g, ok := k.table(e.st).get(id)
	if !ok {
		return nil, notFound("%s %s not found", k.noun, id)
	}
	return g, nil
}
