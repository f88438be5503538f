package dialpad

// PatchSpec names what a PATCH may carry for one kind of resource.
type PatchSpec struct {
	// Fields are the patchable top-level fields, from the spec's
	// Update*Message, in the order people read them.
	Fields []string
	// Required maps a nested object path ("routing_options.open") to the
	// keys the spec requires whenever that object is sent.
	Required map[string][]string
	// Lines and Texts are the free-text fields among Fields, single-line
	// and multi-line: ComputePatch compares and sends them normalised
	// (see NormalizeLine and NormalizeText).
	Lines, Texts []string
}

// CallCenterPatchSpec is schemas.group.UpdateCallCenterMessage.
func CallCenterPatchSpec() PatchSpec {
	fields := []string{"name", "group_description", "ring_seconds", "hours_on"}
	fields = append(fields, hoursFields()...)
	fields = append(fields, "hold_queue", "routing_options", "advanced_settings", "alerts", "voice_intelligence")
	return PatchSpec{Fields: fields, Required: groupRequired(), Lines: []string{"name"}, Texts: []string{"group_description"}}
}

// DepartmentPatchSpec is schemas.group.UpdateDepartmentMessage.
func DepartmentPatchSpec() PatchSpec {
	fields := []string{"name", "group_description", "ring_seconds", "auto_call_recording", "hours_on"}
	fields = append(fields, hoursFields()...)
	fields = append(fields, "hold_queue", "routing_options", "voice_intelligence")
	return PatchSpec{Fields: fields, Required: groupRequired(), Lines: []string{"name"}, Texts: []string{"group_description"}}
}

// CallRouterPatchSpec is schemas.call_router.UpdateApiCallRouterMessage
// without secret and reset_error_count: those are explicit actions a person
// asks for, never the result of a diff.
func CallRouterPatchSpec() PatchSpec {
	return PatchSpec{
		Fields: []string{"name", "office_id", "routing_url", "default_target_id", "default_target_type", "enabled"},
		Lines:  []string{"name", "routing_url"},
	}
}

// groupRequired is the required arrays of schemas.group.RoutingOptions and
// schemas.group.RoutingOptionsInner, shared by call centers and departments.
func groupRequired() map[string][]string {
	inner := []string{"action", "try_dial_operators"}
	return map[string][]string{
		"routing_options":        {"closed", "open"},
		"routing_options.closed": inner,
		"routing_options.open":   inner,
	}
}

func hoursFields() []string {
	days := Weekdays()
	fields := make([]string, len(days))
	for i, d := range days {
		fields[i] = d.Field()
	}
	return fields
}

// CustomIVRPatchSpec is the name and description of
// schemas.custom_ivr.UpdateCustomIvrDetailsMessage, both single-line.
func CustomIVRPatchSpec() PatchSpec {
	return PatchSpec{Fields: []string{"name", "description"}, Lines: []string{"name", "description"}}
}
