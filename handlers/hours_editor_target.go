package handlers

import (
	"context"
	"net/http"

	"switchboard/dialpad"
)

// hoursTarget adapts a call center or a department to the one hours
// editor. Dialpad models both as "groups" with the same name, description,
// ring time and week; they differ in endpoints, and only call centers have
// a live status.
type hoursTarget[T any] struct {
	kind      string // dialpad.TargetCallCenter...: the sealed base's kind and the IVR link
	noun      string // "call center"
	path      string // "/callcenters"
	listLabel string // "All call centers"
	nav       string
	spec      dialpad.PatchSpec
	read      func(ctx context.Context, c *dialpad.Client, id dialpad.ID) (*T, error)
	save      func(ctx context.Context, c *dialpad.Client, id dialpad.ID, base, mine T) (dialpad.Saved[T], error)
	// status reads Dialpad's live open/closed status; nil means there is
	// none and the page computes it from the hours.
	status func(ctx context.Context, c *dialpad.Client, id dialpad.ID) (*dialpad.CallCenterStatus, error)
	get    func(T) groupEdit
	set    func(T, groupEdit) T
}

// groupEdit is what the editor reads from and writes to a resource.
type groupEdit struct {
	ID          dialpad.ID
	OfficeID    dialpad.ID
	Name        string
	Description string
	Timezone    string
	RingSeconds dialpad.Int
	Week        dialpad.WeekHours
}

// maxEditorFormBytes bounds a submitted form: the sealed base is at most
// 64 KiB and the fields are short.
const maxEditorFormBytes = 256 << 10

// pageURL is the editor of one resource: "/callcenters/123".
func (t hoursTarget[T]) pageURL(id dialpad.ID) string { return t.path + "/" + id.String() }

// sealKind names what a sealed base holds, id included, so a base cannot be
// replayed into another resource's form.
func (t hoursTarget[T]) sealKind(id dialpad.ID) string { return t.kind + ":" + id.String() }

// editorID reads the {id} of the route; a malformed one is a page that
// does not exist.
func (h *Handler) editorID(w http.ResponseWriter, r *http.Request) (dialpad.ID, bool) {
	id, err := dialpad.ParseID(r.PathValue("id"))
	if err != nil || id == 0 {
		h.NotFound(w, r)
		return 0, false
	}
	return id, true
}
