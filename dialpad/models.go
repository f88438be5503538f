package dialpad

// The models mirror the schemas of Dialpad's API v2 spec
// (shared/dialpad-openapi.json); JSON names are the spec's. Data fields carry
// no omitempty on purpose: the PATCH engine diffs whole encoded resources, and
// a zero value must still be comparable. Nested objects are pointers because
// the spec marks them nullable.

// Target types, as named by the spec's target_type enums.
const (
	TargetCallCenter = "callcenter"
	TargetCallRouter = "callrouter"
	TargetDepartment = "department"
	TargetOffice     = "office"
	TargetUser       = "user"
)

// User is schemas.user.UserProto (the subset the console reads).
type User struct {
	ID             ID       `json:"id"`
	CompanyID      ID       `json:"company_id"`
	OfficeID       ID       `json:"office_id"`
	DisplayName    string   `json:"display_name"`
	FirstName      string   `json:"first_name"`
	LastName       string   `json:"last_name"`
	Emails         []string `json:"emails"`
	IsAdmin        bool     `json:"is_admin"`
	IsSuperAdmin   bool     `json:"is_super_admin"`
	AdminOfficeIDs []ID     `json:"admin_office_ids"`
	JobTitle       string   `json:"job_title"`
	License        string   `json:"license"`
	PhoneNumbers   []string `json:"phone_numbers"`
	State          string   `json:"state"`
	Timezone       string   `json:"timezone"`
}

// Company is schemas.company.CompanyProto.
type Company struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Domain      string `json:"domain"`
	Country     string `json:"country"`
	AccountType string `json:"account_type"`
	AdminEmail  string `json:"admin_email"`
	OfficeCount Int    `json:"office_count"`
	State       string `json:"state"`
}

// Office is schemas.office.OfficeProto (the subset the console reads).
type Office struct {
	ID                 ID       `json:"id"`
	OfficeID           ID       `json:"office_id"`
	Name               string   `json:"name"`
	Country            string   `json:"country"`
	Timezone           string   `json:"timezone"`
	IsPrimaryOffice    bool     `json:"is_primary_office"`
	State              string   `json:"state"`
	AvailabilityStatus string   `json:"availability_status"`
	PhoneNumbers       []string `json:"phone_numbers"`
	RingSeconds        Int      `json:"ring_seconds"`
	WeekHours
}

// WeekHours is the hours model call centers, departments and offices share:
// per day a flat list of "HH:MM" strings in open/close pairs
// (["08:00","12:00","14:00","18:00"] is 08-12 and 14-18). HoursOn false means
// open 24/7 and the lists are then kept but not applied.
type WeekHours struct {
	HoursOn        bool     `json:"hours_on"`
	MondayHours    []string `json:"monday_hours"`
	TuesdayHours   []string `json:"tuesday_hours"`
	WednesdayHours []string `json:"wednesday_hours"`
	ThursdayHours  []string `json:"thursday_hours"`
	FridayHours    []string `json:"friday_hours"`
	SaturdayHours  []string `json:"saturday_hours"`
	SundayHours    []string `json:"sunday_hours"`
}

// CallCenter is schemas.group.CallCenterProto, nested objects included.
type CallCenter struct {
	ID                 ID                 `json:"id"`
	OfficeID           ID                 `json:"office_id"`
	Name               string             `json:"name"`
	GroupDescription   string             `json:"group_description"`
	Country            string             `json:"country"`
	Timezone           string             `json:"timezone"`
	State              string             `json:"state"`
	AvailabilityStatus string             `json:"availability_status"`
	FirstAction        string             `json:"first_action"`
	NoOperatorsAction  string             `json:"no_operators_action"`
	PhoneNumbers       []string           `json:"phone_numbers"`
	RingSeconds        Int                `json:"ring_seconds"`
	AdvancedSettings   *AdvancedSettings  `json:"advanced_settings"`
	Alerts             *Alerts            `json:"alerts"`
	HoldQueue          *HoldQueue         `json:"hold_queue"`
	RoutingOptions     *RoutingOptions    `json:"routing_options"`
	VoiceIntelligence  *VoiceIntelligence `json:"voice_intelligence"`
	WeekHours
}

// Department is schemas.group.DepartmentProto.
type Department struct {
	ID                 ID                   `json:"id"`
	OfficeID           ID                   `json:"office_id"`
	Name               string               `json:"name"`
	GroupDescription   string               `json:"group_description"`
	Country            string               `json:"country"`
	Timezone           string               `json:"timezone"`
	State              string               `json:"state"`
	AvailabilityStatus string               `json:"availability_status"`
	FirstAction        string               `json:"first_action"`
	NoOperatorsAction  string               `json:"no_operators_action"`
	PhoneNumbers       []string             `json:"phone_numbers"`
	RingSeconds        Int                  `json:"ring_seconds"`
	AutoCallRecording  bool                 `json:"auto_call_recording"`
	HoldQueue          *HoldQueueDepartment `json:"hold_queue"`
	RoutingOptions     *RoutingOptions      `json:"routing_options"`
	VoiceIntelligence  *VoiceIntelligence   `json:"voice_intelligence"`
	WeekHours
}

// AdvancedSettings is schemas.group.AdvancedSettings.
type AdvancedSettings struct {
	AutoCallRecording *AutoCallRecording `json:"auto_call_recording"`
	MaxWrapUpSeconds  Int                `json:"max_wrap_up_seconds"`
}

// AutoCallRecording is schemas.group.AutoCallRecording.
type AutoCallRecording struct {
	AllowPauseRecording   bool `json:"allow_pause_recording"`
	CallRecordingInbound  bool `json:"call_recording_inbound"`
	CallRecordingOutbound bool `json:"call_recording_outbound"`
}

// Alerts is schemas.group.Alerts.
type Alerts struct {
	CCServiceLevel        Int `json:"cc_service_level"`
	CCServiceLevelSeconds Int `json:"cc_service_level_seconds"`
}

// HoldQueue is schemas.group.HoldQueueCallCenter.
type HoldQueue struct {
	AllowQueueCallback          bool   `json:"allow_queue_callback"`
	AnnouncePosition            bool   `json:"announce_position"`
	AnnouncementIntervalSeconds Int    `json:"announcement_interval_seconds"`
	MaxHoldCount                Int    `json:"max_hold_count"`
	MaxHoldSeconds              Int    `json:"max_hold_seconds"`
	QueueCallbackDTMF           string `json:"queue_callback_dtmf"`
	QueueCallbackThreshold      Int    `json:"queue_callback_threshold"`
	QueueEscapeDTMF             string `json:"queue_escape_dtmf"`
	StayInQueueAfterClosing     bool   `json:"stay_in_queue_after_closing"`
	UnattendedQueue             bool   `json:"unattended_queue"`
}

// HoldQueueDepartment is schemas.group.HoldQueueDepartment.
type HoldQueueDepartment struct {
	AllowQueuing   bool `json:"allow_queuing"`
	MaxHoldCount   Int  `json:"max_hold_count"`
	MaxHoldSeconds Int  `json:"max_hold_seconds"`
}

// RoutingOptions is schemas.group.RoutingOptions; the spec requires both
// closed and open whenever it is sent.
type RoutingOptions struct {
	Closed *RoutingOptionsInner `json:"closed"`
	Open   *RoutingOptionsInner `json:"open"`
}

// RoutingOptionsInner is schemas.group.RoutingOptionsInner; the spec requires
// action and try_dial_operators whenever it is sent.
type RoutingOptionsInner struct {
	Action           string        `json:"action"`
	ActionTargetID   ID            `json:"action_target_id"`
	ActionTargetType string        `json:"action_target_type"`
	DTMF             []DtmfMapping `json:"dtmf"`
	OperatorRouting  string        `json:"operator_routing"`
	TryDialOperators bool          `json:"try_dial_operators"`
}

// DtmfMapping is schemas.group.DtmfMapping.
type DtmfMapping struct {
	Input   string       `json:"input"`
	Options *DtmfOptions `json:"options"`
}

// DtmfOptions is schemas.group.DtmfOptions.
type DtmfOptions struct {
	Action           string `json:"action"`
	ActionTargetID   ID     `json:"action_target_id"`
	ActionTargetType string `json:"action_target_type"`
}

// VoiceIntelligence is schemas.group.VoiceIntelligence.
type VoiceIntelligence struct {
	AllowPause bool `json:"allow_pause"`
	AutoStart  bool `json:"auto_start"`
}

// CallCenterStatus is schemas.group.CallCenterStatusProto.
type CallCenterStatus struct {
	Availability        Availability `json:"availability"`
	Capacity            Int          `json:"capacity"`
	LongestCallWaitTime Int          `json:"longest_call_wait_time"`
	OnDutyOperators     Int          `json:"on_duty_operators"`
	Pending             Int          `json:"pending"`
}

// Availability is schemas.group.AvailabilityStatusProto. Status is one of
// open, closed, holiday_open, holiday_closed.
type Availability struct {
	Name   string `json:"name"`
	Status string `json:"status"`
}

// CallRouter is schemas.call_router.ApiCallRouterProto. Dialpad never returns
// the signing secret in clear; Signature only tells whether one is set.
type CallRouter struct {
	ID                ID         `json:"id"`
	Name              string     `json:"name"`
	OfficeID          ID         `json:"office_id"`
	RoutingURL        string     `json:"routing_url"`
	DefaultTargetID   ID         `json:"default_target_id"`
	DefaultTargetType string     `json:"default_target_type"`
	Enabled           bool       `json:"enabled"`
	PhoneNumbers      []string   `json:"phone_numbers"`
	Signature         *Signature `json:"signature"`
}

// Signature is schemas.signature.SignatureProto.
type Signature struct {
	Algo   string `json:"algo"`
	Secret string `json:"secret"`
	Type   string `json:"type"`
}

// CreateCallRouter is schemas.call_router.CreateApiCallRouterMessage.
type CreateCallRouter struct {
	Name              string `json:"name"`
	OfficeID          ID     `json:"office_id"`
	RoutingURL        string `json:"routing_url"`
	DefaultTargetID   ID     `json:"default_target_id"`
	DefaultTargetType string `json:"default_target_type"`
	Enabled           bool   `json:"enabled"`
	Secret            string `json:"secret,omitempty"`
}

// AssignNumber is schemas.number.AssignNumberMessage: a number, or an area
// code to pick an available number from.
type AssignNumber struct {
	Number   string `json:"number,omitempty"`
	AreaCode string `json:"area_code,omitempty"`
	Primary  bool   `json:"primary"`
}

// Number is schemas.number.NumberProto.
type Number struct {
	Number     string `json:"number"`
	AreaCode   string `json:"area_code"`
	CompanyID  ID     `json:"company_id"`
	OfficeID   ID     `json:"office_id"`
	Status     string `json:"status"`
	TargetID   ID     `json:"target_id"`
	TargetType string `json:"target_type"`
	Type       string `json:"type"`
	Deleted    bool   `json:"deleted"`
}

// CustomIVRType is schemas.custom_ivr.CustomIvrProto: one IVR type of a
// target, with every IVR available for it and which one is selected.
type CustomIVRType struct {
	IVRType string      `json:"ivr_type"`
	IVRs    []CustomIVR `json:"ivrs"`
}

// CustomIVR is schemas.custom_ivr.CustomIvrDetailsProto. DateAdded is a Unix
// time in milliseconds.
type CustomIVR struct {
	ID          ID     `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	DateAdded   Int    `json:"date_added"`
	Selected    bool   `json:"selected"`
	Text        string `json:"text"`
}

// CreateCustomIVR is schemas.custom_ivr.CreateCustomIvrMessage; File is the
// MP3, base64-encoded by encoding/json.
type CreateCustomIVR struct {
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	File        []byte `json:"file"`
	IVRType     string `json:"ivr_type"`
	TargetID    ID     `json:"target_id"`
	TargetType  string `json:"target_type"`
}

// AssignCustomIVR is schemas.custom_ivr.UpdateCustomIvrMessage.
type AssignCustomIVR struct {
	IVRID        ID     `json:"ivr_id"`
	SelectOption string `json:"select_option,omitempty"`
}

// UpdateCustomIVRDetails is schemas.custom_ivr.UpdateCustomIvrDetailsMessage;
// nil fields are not sent.
type UpdateCustomIVRDetails struct {
	Name        *string `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
}
