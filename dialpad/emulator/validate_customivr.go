package emulator

import "slices"

// The custom IVR schemas, after the spec's schemas.custom_ivr messages.

func customIVRCreateSchema() schema {
	return schema{
		"name":        text(100),
		"description": text(256),
		"file":        rule{kind: kindString},
		"ivr_type":    oneOf(ivrTypes()...),
		"target_id":   intMin(1),
		"target_type": oneOf(ivrTargetTypes()...),
	}
}

func customIVRCreateRequired() []string {
	return []string{"file", "ivr_type", "target_id", "target_type"}
}

func customIVRAssignSchema() schema {
	return schema{
		"ivr_id":        intMin(1),
		"select_option": oneOf("inbound", "outbound"),
	}
}

func customIVRDetailsSchema() schema {
	return schema{
		"name":        requiredText(100),
		"description": text(256),
	}
}

// ivrTargetTypes are the targets that can own custom IVRs.
func ivrTargetTypes() []string {
	return []string{"callcenter", "coachingteam", "department", "office", "user"}
}

// isRecordingType tells the IVR types that announce call recording, the only
// ones where a call center may pick an IVR per direction (select_option).
func isRecordingType(t string) bool {
	return slices.Contains([]string{"AUTO_RECORDING", "CALLAI_AUTO_RECORDING", "CG_AUTO_RECORDING"}, t)
}

func ivrTypes() []string {
	return []string{
		"ASK_FIRST_OPERATOR_NOT_AVAILABLE", "AUTO_RECORDING", "CALLAI_AUTO_RECORDING",
		"CG_AUTO_RECORDING", "CLOSED", "CLOSED_DEPARTMENT_INTRO", "CLOSED_MENU", "CLOSED_MENU_OPTION",
		"CSAT_INTRO", "CSAT_OUTRO", "CSAT_PREAMBLE", "CSAT_QUESTION", "DEPARTMENT_INTRO", "GREETING",
		"HOLD_AGENT_READY", "HOLD_APPREC", "HOLD_CALLBACK_ACCEPT", "HOLD_CALLBACK_ACCEPTED",
		"HOLD_CALLBACK_CONFIRM", "HOLD_CALLBACK_CONFIRM_NUMBER", "HOLD_CALLBACK_DIFFERENT_NUMBER",
		"HOLD_CALLBACK_DIRECT", "HOLD_CALLBACK_FULFILLED", "HOLD_CALLBACK_INVALID_NUMBER",
		"HOLD_CALLBACK_KEYPAD", "HOLD_CALLBACK_REJECT", "HOLD_CALLBACK_REJECTED",
		"HOLD_CALLBACK_REQUEST", "HOLD_CALLBACK_REQUESTED", "HOLD_CALLBACK_SAME_NUMBER",
		"HOLD_CALLBACK_TRY_AGAIN", "HOLD_CALLBACK_UNDIALABLE", "HOLD_ESCAPE_VM_EIGHT",
		"HOLD_ESCAPE_VM_FIVE", "HOLD_ESCAPE_VM_FOUR", "HOLD_ESCAPE_VM_NINE", "HOLD_ESCAPE_VM_ONE",
		"HOLD_ESCAPE_VM_POUND", "HOLD_ESCAPE_VM_SEVEN", "HOLD_ESCAPE_VM_SIX", "HOLD_ESCAPE_VM_STAR",
		"HOLD_ESCAPE_VM_TEN", "HOLD_ESCAPE_VM_THREE", "HOLD_ESCAPE_VM_TWO", "HOLD_ESCAPE_VM_ZERO",
		"HOLD_INTERRUPT", "HOLD_INTRO", "HOLD_MUSIC", "HOLD_POSITION_EIGHT", "HOLD_POSITION_FIVE",
		"HOLD_POSITION_FOUR", "HOLD_POSITION_MORE", "HOLD_POSITION_NINE", "HOLD_POSITION_ONE",
		"HOLD_POSITION_SEVEN", "HOLD_POSITION_SIX", "HOLD_POSITION_TEN", "HOLD_POSITION_THREE",
		"HOLD_POSITION_TWO", "HOLD_POSITION_ZERO", "HOLD_WAIT", "MENU", "MENU_OPTION", "NEXT_TARGET",
		"VM_DROP_MESSAGE", "VM_UNAVAILABLE", "VM_UNAVAILABLE_CLOSED",
	}
}
