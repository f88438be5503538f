package handlers

// seal seals v into a form for kind (see handlers/formstate) with the
// Handler's Sealer, which reuses its compressors: editors seal on every
// page they render.
func (h *Handler) seal(kind string, v any) (string, error) {
	return h.sealer.Seal(h.FormKey, kind, v)
}
