package emulator

// The PATCH schemas of call centers and departments, after the spec's
// schemas.group.UpdateCallCenterMessage and UpdateDepartmentMessage. They are
// built per request rather than held in package variables.

func callCenterPatchSchema() schema {
	s := groupPatchSchema()
	s["advanced_settings"] = object(schema{
		"auto_call_recording": object(schema{
			"allow_pause_recording":   boolean(),
			"call_recording_inbound":  boolean(),
			"call_recording_outbound": boolean(),
		}),
		"max_wrap_up_seconds": intMin(0),
	})
	s["alerts"] = object(schema{
		"cc_service_level":         intRange(0, 100),
		"cc_service_level_seconds": intMin(1),
	})
	s["hold_queue"] = object(schema{
		"allow_queue_callback":          boolean(),
		"announce_position":             boolean(),
		"announcement_interval_seconds": intMin(0),
		"max_hold_count":                intRange(1, 1000),
		"max_hold_seconds":              intRange(30, 18000),
		"queue_callback_dtmf":           oneOf(dtmfKeys()...),
		"queue_callback_threshold":      intMin(0),
		"queue_escape_dtmf":             oneOf(dtmfKeys()...),
		"stay_in_queue_after_closing":   boolean(),
		"unattended_queue":              boolean(),
	})
	return s
}

func departmentPatchSchema() schema {
	s := groupPatchSchema()
	s["auto_call_recording"] = boolean()
	s["hold_queue"] = object(schema{
		"allow_queuing":    boolean(),
		"max_hold_count":   intRange(1, 50),
		"max_hold_seconds": intRange(30, 18000),
	})
	return s
}

// groupPatchSchema holds what call centers and departments share, including
// the resource fields a PATCH may not change.
func groupPatchSchema() schema {
	return schema{
		"name":               requiredText(100),
		"group_description":  rule{kind: kindString, maxLen: 256},
		"hours_on":           boolean(),
		"monday_hours":       hours(),
		"tuesday_hours":      hours(),
		"wednesday_hours":    hours(),
		"thursday_hours":     hours(),
		"friday_hours":       hours(),
		"saturday_hours":     hours(),
		"sunday_hours":       hours(),
		"ring_seconds":       intRange(10, 45),
		"routing_options":    object(schema{"open": routingOptionsInner(), "closed": routingOptionsInner()}, "closed", "open"),
		"voice_intelligence": object(schema{"allow_pause": boolean(), "auto_start": boolean()}),

		"id":                  readOnly(),
		"office_id":           readOnly(),
		"country":             readOnly(),
		"timezone":            readOnly(),
		"state":               readOnly(),
		"availability_status": readOnly(),
		"first_action":        readOnly(),
		"no_operators_action": readOnly(),
		"phone_numbers":       readOnly(),
	}
}

func routingOptionsInner() rule {
	return object(schema{
		"action":             oneOf(routingActions()...),
		"action_target_id":   intMin(0),
		"action_target_type": oneOf(routingTargetTypes()...),
		"dtmf": objectList(schema{
			"input": oneOf("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
			"options": object(schema{
				"action":             oneOf(routingActions()...),
				"action_target_id":   intMin(0),
				"action_target_type": oneOf(routingTargetTypes()...),
			}),
		}),
		"operator_routing":   oneOf("fixedorder", "longestidle", "mostskilled", "random", "roundrobin", "simultaneous"),
		"try_dial_operators": boolean(),
	}, "action", "try_dial_operators")
}

func routingActions() []string {
	return []string{"bridge_target", "company_directory", "department", "directory", "disabled",
		"extension", "menu", "message", "operator", "person", "scripted_ivr", "voicemail"}
}

func routingTargetTypes() []string {
	return []string{"callcenter", "callrouter", "channel", "coachinggroup", "contact", "contactgroup",
		"department", "office", "room", "staffgroup", "unknown", "user"}
}

func dtmfKeys() []string {
	return []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"}
}
