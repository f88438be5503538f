package handlers

import "switchboard/handlers/formstate"

// seal seals v into a form for kind (see handlers/formstate) with the
// Handler's Sealer, which reuses its compressors: editors seal on every
// page they render. Every form base is sealed here.
func (h *Handler) seal(kind string, v any) (string, error) {
	return h.sealer.Seal(h.FormKey, kind, v)
}

// unseal opens a posted form base sealed by seal for kind into v. A token
// that cannot be trusted yields formstate.ErrTampered.
func (h *Handler) unseal(kind, token string, v any) error {
	return formstate.Open(h.FormKey, kind, token, v)
}
