package handlers

import (
	"switchboard/dialpad"
)

// bulkBase is a bulk target as the review read it from its office's list.
// Only the hours travel with the form: bulk apply changes nothing else, so
// the base and the person's edit agree on every other field, and no other
// field can be sent or be in conflict.
type bulkBase struct {
	Kind     string            `json:"k"`
	ID       dialpad.ID        `json:"i"`
	OfficeID dialpad.ID        `json:"o"`
	Name     string            `json:"n"`
	Office   string            `json:"f"` // office name, so a posted form needs no lookup
	Hours    dialpad.WeekHours `json:"h"`
}

func (b bulkBase) target() string { return b.Kind + ":" + b.ID.String() }

func bulkBaseOf(it reviewItem, office string) bulkBase {
	return bulkBase{Kind: it.Kind, ID: it.ID, OfficeID: it.OfficeID, Name: it.Name, Office: office, Hours: it.Hours}
}

// bulkKind binds a sealed base to the person it was rendered for.
func bulkKind(user dialpad.ID) string { return "hoursbulk:" + user.String() }

func (h *Handler) sealBulk(user dialpad.ID, bases []bulkBase) (string, error) {
	return h.seal(bulkKind(user), bases)
}

func (h *Handler) openBulk(user dialpad.ID, token string) ([]bulkBase, error) {
	var bases []bulkBase
	err := h.unseal(bulkKind(user), token, &bases)
	return bases, err
}
