package handlers

import (
	"context"

	"switchboard/dialpad"
	"switchboard/handlers/audit"
)

// ivrResource names a target's custom IVRs in the record: one history per
// call center, department or office, whichever recording changed.
func ivrResource(t ivrTarget) audit.Resource {
	return audit.Resource{Kind: audit.CustomIVR, ID: ivrResourceID(t.Kind.Type, t.ID), Name: t.Name, OfficeID: t.OfficeID}
}

// ivrResourceID is "callcenter:42": the id alone could be any kind's.
func ivrResourceID(targetType string, id dialpad.ID) string { return targetType + ":" + id.String() }

// auditIVRs records what a save of IVR assignments sent: one entry with
// the changes Dialpad accepted, and one with the change it refused or left
// unanswered, since they came out differently.
func (h *Handler) auditIVRs(ctx context.Context, who *Identity, t ivrTarget, saved dialpad.SavedIVRs, err error) {
	if len(saved.Sent) > 0 {
		h.audit(ctx, who, ivrResource(t), ivrAuditChanges(saved.Sent...), nil)
	}
	if saved.Failed != nil {
		h.audit(ctx, who, ivrResource(t), ivrAuditChanges(*saved.Failed), err)
	}
}

// ivrAuditChanges is each type's change: the IVR ids selected before and
// after, "default" for Dialpad's own.
func ivrAuditChanges(chs ...dialpad.IVRChange) []audit.Change {
	out := make([]audit.Change, 0, len(chs))
	for _, ch := range chs {
		out = append(out, audit.Change{Field: ch.IVRType, Old: ivrSelectionText(ch.From), New: ivrSelectionText(ch.To)})
	}
	return out
}

func ivrSelectionText(s dialpad.IVRSelection) string {
	if s.IsDefault() {
		return "default"
	}
	return s.String()
}
