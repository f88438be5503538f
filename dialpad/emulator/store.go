package emulator

import (
	"encoding/json"
	"time"

	"switchboard/dialpad"
)

// store is the emulated company's data. The Emulator's mutex guards it.
type store struct {
	company     dialpad.Company
	offices     table[dialpad.Office]
	users       table[userRecord]
	callCenters table[dialpad.CallCenter]
	departments table[dialpad.Department]
	routers     table[routerRecord]
	ivrs        table[ivrRecord]
	numbers     map[string]*dialpad.Number // every number the company owns, assigned or in reserve
	ids         idSource
}

func newStore(seed uint64) *store {
	return &store{
		offices:     newTable[dialpad.Office](),
		users:       newTable[userRecord](),
		callCenters: newTable[dialpad.CallCenter](),
		departments: newTable[dialpad.Department](),
		routers:     newTable[routerRecord](),
		ivrs:        newTable[ivrRecord](),
		numbers:     map[string]*dialpad.Number{},
		ids:         newIDSource(seed),
	}
}

// userRecord is a user plus the demo role shown on the consent page.
type userRecord struct {
	dialpad.User
	role string
}

// routerRecord keeps what Dialpad knows about a call router but never
// returns: the signing secret, the routing errors of the last hour and the
// time of the last accepted PATCH.
type routerRecord struct {
	dialpad.CallRouter
	secret    string
	errors    []time.Time
	lastPatch time.Time
}

// ivrRecord is one custom IVR: its details, the target and type it belongs
// to, and whether it is selected (for recording types on call centers, per
// direction).
type ivrRecord struct {
	dialpad.CustomIVR
	targetType  string
	targetID    dialpad.ID
	ivrType     string
	audio       []byte // nil: the generated silent MP3
	selectedIn  bool
	selectedOut bool
}

func (v *ivrRecord) selected() bool { return v.selectedIn || v.selectedOut }

// table holds records by id and remembers creation order, the order lists
// are returned in.
type table[T any] struct {
	byID  map[dialpad.ID]*T
	order []dialpad.ID
}

func newTable[T any]() table[T] { return table[T]{byID: map[dialpad.ID]*T{}} }

func (t *table[T]) add(id dialpad.ID, v *T) {
	if _, ok := t.byID[id]; !ok {
		t.order = append(t.order, id)
	}
	t.byID[id] = v
}

func (t *table[T]) get(id dialpad.ID) (*T, bool) {
	v, ok := t.byID[id]
	return v, ok
}

func (t *table[T]) remove(id dialpad.ID) {
	if _, ok := t.byID[id]; !ok {
		return
	}
	delete(t.byID, id)
	for i, o := range t.order {
		if o == id {
			t.order = append(t.order[:i:i], t.order[i+1:]...)
			break
		}
	}
}

func (t *table[T]) all() []*T {
	out := make([]*T, 0, len(t.order))
	for _, id := range t.order {
		out = append(out, t.byID[id])
	}
	return out
}

// clone deep-copies a model through its JSON form, so that nothing handed
// out of the store aliases the store's slices and pointers.
func clone[T any](v T) T {
	b, err := json.Marshal(v)
	if err != nil {
		panic("emulator: clone: " + err.Error())
	}
	var out T
	if err := json.Unmarshal(b, &out); err != nil {
		panic("emulator: clone: " + err.Error())
	}
	return out
}
