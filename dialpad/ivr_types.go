package dialpad

import (
	"slices"
	"strings"
)

// IVRTypeInfo explains one of the spec's ivr_type values in plain words.
type IVRTypeInfo struct {
	Name        string // the spec's enum value, "HOLD_MUSIC"
	Label       string // "Hold music"
	Description string // one line: when callers hear it
}

// IVRSection groups IVR types the way a person thinks about a call: what
// plays when it starts, when closed, while waiting, and so on.
type IVRSection struct {
	Key   string // stable id for anchors and tests, "hold"
	Title string
	Lead  string
	Types []IVRTypeInfo
}

// IVRCatalog is every ivr_type of the spec, grouped into sections, each with
// a plain description. Where Dialpad's "Custom IVR types" page describes a
// type, the description follows it; the others say only what the type's
// name does, rather than guess when Dialpad plays it. A test holds the
// catalogue equal to the spec's enum. It is built on each call so no caller
// can change another's copy.
func IVRCatalog() []IVRSection {
	return []IVRSection{
		{
			Key: "greetings", Title: "Greetings and menus",
			Lead: "Greetings, menus and welcomes during open hours.",
			Types: []IVRTypeInfo{
				{"GREETING", "Greeting", "The voicemail greeting callers hear during open hours."},
				{"MENU", "Menu", "The open-hours menu script: “press 1 for…, press 2 for…”."},
				{"MENU_OPTION", "Menu option message", "Played when a caller presses a key in the open-hours menu."},
				{"DEPARTMENT_INTRO", "Department welcome", "Welcome that introduces the department during open hours."},
			},
		},
		{
			Key: "closed", Title: "Closed hours",
			Lead: "What callers hear outside business hours.",
			Types: []IVRTypeInfo{
				{"CLOSED", "Closed greeting", "The voicemail greeting callers hear outside business hours."},
				{"CLOSED_MENU", "Closed-hours menu", "The menu script read out outside business hours."},
				{"CLOSED_MENU_OPTION", "Closed-hours menu option message", "Played when a caller presses a key in the closed-hours menu."},
				{"CLOSED_DEPARTMENT_INTRO", "Closed department welcome", "Welcome that introduces the department outside business hours."},
			},
		},
		{
			Key: "hold", Title: "Hold queue and music",
			Lead: "What callers hear while they wait in the queue.",
			Types: []IVRTypeInfo{
				{"HOLD_INTRO", "Queue welcome", "The introduction callers hear when they join the queue."},
				{"HOLD_MUSIC", "Hold music", "Music that plays while callers wait."},
				{"HOLD_WAIT", "Please keep holding", "Asks callers in the queue to keep waiting."},
				{"HOLD_APPREC", "Thanks for waiting", "Thanks callers in the queue for their patience."},
				{"HOLD_INTERRUPT", "Hold interruption", "A message that interrupts the hold music."},
				{"HOLD_AGENT_READY", "Agent ready", "Tells the caller an agent is ready to take the call."},
			},
		},
		{
			Key: "position", Title: "Position announcements",
			Lead: "Tell callers in the queue their position in it.",
			Types: []IVRTypeInfo{
				{"HOLD_POSITION_ZERO", "Position 0", "Announcement for a caller at position 0 in the queue."},
				{"HOLD_POSITION_ONE", "Position 1", "Announcement for a caller at position 1 in the queue."},
				{"HOLD_POSITION_TWO", "Position 2", "Announcement for a caller at position 2 in the queue."},
				{"HOLD_POSITION_THREE", "Position 3", "Announcement for a caller at position 3 in the queue."},
				{"HOLD_POSITION_FOUR", "Position 4", "Announcement for a caller at position 4 in the queue."},
				{"HOLD_POSITION_FIVE", "Position 5", "Announcement for a caller at position 5 in the queue."},
				{"HOLD_POSITION_SIX", "Position 6", "Announcement for a caller at position 6 in the queue."},
				{"HOLD_POSITION_SEVEN", "Position 7", "Announcement for a caller at position 7 in the queue."},
				{"HOLD_POSITION_EIGHT", "Position 8", "Announcement for a caller at position 8 in the queue."},
				{"HOLD_POSITION_NINE", "Position 9", "Announcement for a caller at position 9 in the queue."},
				{"HOLD_POSITION_TEN", "Position 10", "Announcement for a caller at position 10 in the queue."},
				{"HOLD_POSITION_MORE", "Position over 10", "Announcement for a caller further back than position 10."},
			},
		},
		{
			Key: "callbacks", Title: "Callbacks",
			Lead: "The prompts that let callers in the queue ask to be called back instead of waiting.",
			Types: []IVRTypeInfo{
				{"HOLD_CALLBACK_REQUEST", "Callback offer", "Offers callers in the queue a callback instead of waiting."},
				{"HOLD_CALLBACK_ACCEPT", "Accept callback key", "Tells the caller how to accept the callback offer."},
				{"HOLD_CALLBACK_REJECT", "Keep waiting key", "Tells the caller how to decline the offer and keep waiting."},
				{"HOLD_CALLBACK_REQUESTED", "Callback requested", "Acknowledges the caller's callback request."},
				{"HOLD_CALLBACK_SAME_NUMBER", "Call back on this number", "Offers a callback to the number the caller is calling from."},
				{"HOLD_CALLBACK_DIFFERENT_NUMBER", "Call back on another number", "Offers a callback to a different number."},
				{"HOLD_CALLBACK_KEYPAD", "Key in a number", "Asks the caller to key in the number to call back."},
				{"HOLD_CALLBACK_CONFIRM_NUMBER", "Confirm the number", "Asks the caller to confirm the number to call back."},
				{"HOLD_CALLBACK_CONFIRM", "Confirm the callback", "Asks the caller to confirm the callback."},
				{"HOLD_CALLBACK_INVALID_NUMBER", "Invalid number", "Tells the caller the number entered is not a valid phone number."},
				{"HOLD_CALLBACK_UNDIALABLE", "Number can't be called", "Tells the caller Dialpad cannot call the number given."},
				{"HOLD_CALLBACK_TRY_AGAIN", "Try again", "Asks the caller to enter the number again."},
				{"HOLD_CALLBACK_ACCEPTED", "Callback accepted", "Confirms that the callback request was accepted."},
				{"HOLD_CALLBACK_REJECTED", "Callback declined", "Played when the caller declines the callback offer."},
				{"HOLD_CALLBACK_DIRECT", "Direct callback", "The direct-callback prompt of the callback conversation."},
				{"HOLD_CALLBACK_FULFILLED", "Callback fulfilled", "Played when the callback request has been fulfilled."},
			},
		},
		{
			Key: "voicemail", Title: "Voicemail",
			Lead: "Messages on the way to voicemail, and the keys that leave the queue for it.",
			Types: []IVRTypeInfo{
				{"VM_UNAVAILABLE", "Unavailable, open hours", "The message of the fallback menu (other routing options) during open hours."},
				{"VM_UNAVAILABLE_CLOSED", "Unavailable, closed hours", "The message of the fallback menu (other routing options) outside business hours."},
				{"VM_DROP_MESSAGE", "Voicemail drop", "A prerecorded message a person drops into someone's voicemail (people only)."},
				{"HOLD_ESCAPE_VM_ZERO", "Leave the queue: key 0", "Tells callers in the queue they can press 0 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_ONE", "Leave the queue: key 1", "Tells callers in the queue they can press 1 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_TWO", "Leave the queue: key 2", "Tells callers in the queue they can press 2 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_THREE", "Leave the queue: key 3", "Tells callers in the queue they can press 3 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_FOUR", "Leave the queue: key 4", "Tells callers in the queue they can press 4 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_FIVE", "Leave the queue: key 5", "Tells callers in the queue they can press 5 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_SIX", "Leave the queue: key 6", "Tells callers in the queue they can press 6 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_SEVEN", "Leave the queue: key 7", "Tells callers in the queue they can press 7 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_EIGHT", "Leave the queue: key 8", "Tells callers in the queue they can press 8 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_NINE", "Leave the queue: key 9", "Tells callers in the queue they can press 9 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_TEN", "Leave the queue: ten", "Tells callers in the queue how to leave a voicemail instead (the variant Dialpad calls TEN)."},
				{"HOLD_ESCAPE_VM_STAR", "Leave the queue: key *", "Tells callers in the queue they can press * to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_POUND", "Leave the queue: key #", "Tells callers in the queue they can press # to leave a voicemail instead."},
			},
		},
		{
			Key: "surveys", Title: "Surveys (CSAT)",
			Lead: "The customer satisfaction survey at the end of a call.",
			Types: []IVRTypeInfo{
				{"CSAT_PREAMBLE", "Survey notice", "Tells callers that a short survey follows at the end of the call."},
				{"CSAT_INTRO", "Survey introduction", "Introduces the survey."},
				{"CSAT_QUESTION", "Survey question", "Asks callers how satisfied they were with their experience."},
				{"CSAT_OUTRO", "Survey closing", "The closing message of the survey."},
			},
		},
		{
			Key: "recording", Title: "Recording",
			Lead: "Notices that tell callers the call is recorded.",
			Types: []IVRTypeInfo{
				{"AUTO_RECORDING", "Call recording notice", "The automatic call recording notice of a call center."},
				{"CALLAI_AUTO_RECORDING", "Dialpad Ai recording notice", "The automatic recording notice for calls Dialpad Ai records."},
				{"CG_AUTO_RECORDING", "Coaching group recording notice", "The automatic call recording notice of a coaching group."},
			},
		},
		{
			Key: "other", Title: "Other",
			Lead: "Messages for less common routing situations.",
			Types: []IVRTypeInfo{
				{"NEXT_TARGET", "Transfer message", "Played when the call is routed on to another department or person."},
				{"ASK_FIRST_OPERATOR_NOT_AVAILABLE", "First operator unavailable", "Played when the operator asked first is not available."},
			},
		},
	}
}

// IVRTypeNames lists every ivr_type in catalogue order.
func IVRTypeNames() []string {
	var out []string
	for _, s := range IVRCatalog() {
		for _, t := range s.Types {
			out = append(out, t.Name)
		}
	}
	return out
}

// LookupIVRType finds a type in the catalogue.
func LookupIVRType(name string) (IVRTypeInfo, bool) {
	for _, s := range IVRCatalog() {
		for _, t := range s.Types {
			if t.Name == name {
				return t, true
			}
		}
	}
	return IVRTypeInfo{}, false
}

// IVRTypeLabel is a type's label, or a readable form of a name the
// catalogue does not know ("NEW_TYPE" gives "New type"), so a type Dialpad
// adds later still shows.
func IVRTypeLabel(name string) string {
	if t, ok := LookupIVRType(name); ok {
		return t.Label
	}
	s := strings.ToLower(strings.ReplaceAll(name, "_", " "))
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// IsRecordingIVR tells the recording notices, the only types a call center
// may set per call direction (select_option).
func IsRecordingIVR(name string) bool {
	return slices.Contains([]string{"AUTO_RECORDING", "CALLAI_AUTO_RECORDING", "CG_AUTO_RECORDING"}, name)
}

// IVRUploadTargetTypes are the target_type values POST /customivrs takes.
func IVRUploadTargetTypes() []string {
	return []string{"callcenter", "coachingteam", "department", "office", "user"}
}
