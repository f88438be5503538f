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
// a plain description after Dialpad's "Custom IVR types" documentation. A
// test holds it equal to the spec's enum. It is built on each call so no
// caller can change another's copy.
func IVRCatalog() []IVRSection {
	return []IVRSection{
		{
			Key: "greetings", Title: "Greetings and menus",
			Lead: "What callers hear first during open hours.",
			Types: []IVRTypeInfo{
				{"GREETING", "Greeting", "Greeting played during open hours (for a person, their voicemail greeting)."},
				{"MENU", "Menu", "The open-hours menu script: “press 1 for…, press 2 for…”."},
				{"MENU_OPTION", "Menu option message", "Played when a caller presses a key in the open-hours menu."},
				{"DEPARTMENT_INTRO", "Department welcome", "Welcome that introduces a department during open hours."},
			},
		},
		{
			Key: "closed", Title: "Closed hours",
			Lead: "What callers hear outside business hours.",
			Types: []IVRTypeInfo{
				{"CLOSED", "Closed greeting", "Greeting played outside business hours."},
				{"CLOSED_MENU", "Closed-hours menu", "The menu script read out outside business hours."},
				{"CLOSED_MENU_OPTION", "Closed-hours menu option message", "Played when a caller presses a key in the closed-hours menu."},
				{"CLOSED_DEPARTMENT_INTRO", "Closed department welcome", "Welcome that introduces a department outside business hours."},
			},
		},
		{
			Key: "hold", Title: "Hold queue and music",
			Lead: "What callers hear while they wait for someone to answer.",
			Types: []IVRTypeInfo{
				{"HOLD_INTRO", "Queue welcome", "Played once when a caller joins the hold queue."},
				{"HOLD_MUSIC", "Hold music", "Music that plays while callers wait."},
				{"HOLD_WAIT", "Please keep holding", "Asks waiting callers to stay on the line."},
				{"HOLD_APPREC", "Thanks for waiting", "Thanks waiting callers for their patience."},
				{"HOLD_INTERRUPT", "Hold interruption", "Message that breaks into the hold music at intervals."},
				{"HOLD_AGENT_READY", "Agent ready", "Played just before the caller is put through to an agent."},
			},
		},
		{
			Key: "position", Title: "Position announcements",
			Lead: "Tell waiting callers where they are in the queue.",
			Types: []IVRTypeInfo{
				{"HOLD_POSITION_ZERO", "Position: none ahead", "Played when nobody is ahead of the caller in the queue."},
				{"HOLD_POSITION_ONE", "Position 1", "Played when the caller is first in the queue."},
				{"HOLD_POSITION_TWO", "Position 2", "Played when the caller is second in the queue."},
				{"HOLD_POSITION_THREE", "Position 3", "Played when the caller is third in the queue."},
				{"HOLD_POSITION_FOUR", "Position 4", "Played when the caller is fourth in the queue."},
				{"HOLD_POSITION_FIVE", "Position 5", "Played when the caller is fifth in the queue."},
				{"HOLD_POSITION_SIX", "Position 6", "Played when the caller is sixth in the queue."},
				{"HOLD_POSITION_SEVEN", "Position 7", "Played when the caller is seventh in the queue."},
				{"HOLD_POSITION_EIGHT", "Position 8", "Played when the caller is eighth in the queue."},
				{"HOLD_POSITION_NINE", "Position 9", "Played when the caller is ninth in the queue."},
				{"HOLD_POSITION_TEN", "Position 10", "Played when the caller is tenth in the queue."},
				{"HOLD_POSITION_MORE", "Position: more than 10", "Played when more than ten callers are ahead."},
			},
		},
		{
			Key: "callbacks", Title: "Callbacks",
			Lead: "The conversation that offers waiting callers a call back instead.",
			Types: []IVRTypeInfo{
				{"HOLD_CALLBACK_REQUEST", "Callback offer", "Offers waiting callers a call back instead of holding."},
				{"HOLD_CALLBACK_ACCEPT", "Accept callback key", "Tells the caller which key asks for a call back."},
				{"HOLD_CALLBACK_REJECT", "Keep waiting key", "Tells the caller which key keeps their place in the queue."},
				{"HOLD_CALLBACK_REQUESTED", "Callback requested", "Acknowledges that the caller asked for a call back."},
				{"HOLD_CALLBACK_SAME_NUMBER", "Call back on this number", "Offers to call back the number the caller is using."},
				{"HOLD_CALLBACK_DIFFERENT_NUMBER", "Call back on another number", "Offers to call back a different number."},
				{"HOLD_CALLBACK_KEYPAD", "Key in a number", "Asks the caller to key in the number to call back."},
				{"HOLD_CALLBACK_CONFIRM_NUMBER", "Read back the number", "Reads back the number to call and asks the caller to confirm it."},
				{"HOLD_CALLBACK_CONFIRM", "Confirm the callback", "Asks the caller to confirm the callback request."},
				{"HOLD_CALLBACK_INVALID_NUMBER", "Invalid number", "Played when the number keyed in is not a valid phone number."},
				{"HOLD_CALLBACK_UNDIALABLE", "Number can't be called", "Played when Dialpad cannot call the number given."},
				{"HOLD_CALLBACK_TRY_AGAIN", "Try again", "Asks the caller to enter the number again."},
				{"HOLD_CALLBACK_ACCEPTED", "Callback booked", "Confirms the call back is booked before the call ends."},
				{"HOLD_CALLBACK_REJECTED", "Callback declined", "Played when the caller chooses to keep waiting."},
				{"HOLD_CALLBACK_DIRECT", "Callback answered", "Played to the caller when Dialpad calls them back."},
				{"HOLD_CALLBACK_FULFILLED", "Callback already booked", "Played when the caller already has a call back on the way."},
			},
		},
		{
			Key: "voicemail", Title: "Voicemail",
			Lead: "Messages before voicemail, and the keys that leave the queue for it.",
			Types: []IVRTypeInfo{
				{"VM_UNAVAILABLE", "Unavailable, open hours", "Played before voicemail when nobody can take the call during open hours."},
				{"VM_UNAVAILABLE_CLOSED", "Unavailable, closed hours", "Played before voicemail when nobody can take the call outside business hours."},
				{"VM_DROP_MESSAGE", "Voicemail drop", "A message a person leaves in someone's voicemail with one click (people only)."},
				{"HOLD_ESCAPE_VM_ZERO", "Leave the queue: key 0", "Tells waiting callers to press 0 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_ONE", "Leave the queue: key 1", "Tells waiting callers to press 1 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_TWO", "Leave the queue: key 2", "Tells waiting callers to press 2 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_THREE", "Leave the queue: key 3", "Tells waiting callers to press 3 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_FOUR", "Leave the queue: key 4", "Tells waiting callers to press 4 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_FIVE", "Leave the queue: key 5", "Tells waiting callers to press 5 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_SIX", "Leave the queue: key 6", "Tells waiting callers to press 6 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_SEVEN", "Leave the queue: key 7", "Tells waiting callers to press 7 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_EIGHT", "Leave the queue: key 8", "Tells waiting callers to press 8 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_NINE", "Leave the queue: key 9", "Tells waiting callers to press 9 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_TEN", "Leave the queue: key 10", "Tells waiting callers to press 10 to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_STAR", "Leave the queue: key *", "Tells waiting callers to press * to leave a voicemail instead."},
				{"HOLD_ESCAPE_VM_POUND", "Leave the queue: key #", "Tells waiting callers to press # to leave a voicemail instead."},
			},
		},
		{
			Key: "surveys", Title: "Surveys (CSAT)",
			Lead: "The customer satisfaction survey at the end of a call.",
			Types: []IVRTypeInfo{
				{"CSAT_PREAMBLE", "Survey notice", "Tells callers early on that a short survey follows the call."},
				{"CSAT_INTRO", "Survey introduction", "Introduces the survey once the agent has hung up."},
				{"CSAT_QUESTION", "Survey question", "Asks callers how satisfied they were with the call."},
				{"CSAT_OUTRO", "Survey thank-you", "Thanks callers for answering the survey."},
			},
		},
		{
			Key: "recording", Title: "Recording",
			Lead: "Notices that tell callers the call is recorded.",
			Types: []IVRTypeInfo{
				{"AUTO_RECORDING", "Call recording notice", "Tells callers that the call center records calls."},
				{"CALLAI_AUTO_RECORDING", "Ai recording notice", "Tells callers that Dialpad Ai records and transcribes the call."},
				{"CG_AUTO_RECORDING", "Coaching group recording notice", "Tells callers that a coaching group records calls."},
			},
		},
		{
			Key: "other", Title: "Other",
			Lead: "Messages for less common routing situations.",
			Types: []IVRTypeInfo{
				{"NEXT_TARGET", "Transfer message", "Played when the call moves on to another department or person."},
				{"ASK_FIRST_OPERATOR_NOT_AVAILABLE", "First operator unavailable", "Played when the first person asked to take the call is not available."},
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

// IVRTargetTypes are the target_type values GET /customivrs takes.
func IVRTargetTypes() []string {
	return []string{"callcenter", "callrouter", "channel", "coachinggroup", "coachingteam",
		"department", "office", "room", "staffgroup", "unknown", "user"}
}

// IVRUploadTargetTypes are the target_type values POST /customivrs takes.
func IVRUploadTargetTypes() []string {
	return []string{"callcenter", "coachingteam", "department", "office", "user"}
}
