package access

// Action is something a person asks Switchboard to do. Every route names
// the action it performs, so a route without one cannot be served.
type Action string

// The actions. Edits and router actions are judged per office; the rest are
// company-wide.
const (
	View         Action = "view"          // any page or CSV that only reads
	EditHours    Action = "edit_hours"    // call center and department hours, ring time, name
	EditRouter   Action = "edit_router"   // create, change, delete a call router; assign numbers
	ResetRouter  Action = "reset_router"  // re-enable and reset a router's error count
	TestRouter   Action = "test_router"   // send a test call to a router's routing URL
	EditIVR      Action = "edit_ivr"      // assign, unassign, upload, rename custom IVRs
	BulkHours    Action = "bulk_hours"    // one week applied to many; judged per target
	CopyIVR      Action = "copy_ivr"      // IVR choices copied to others; judged per target
	ManageAccess Action = "manage_access" // /access: grant and revoke roles
	ViewAudit    Action = "view_audit"    // /audit and its CSV
)

// PerOffice reports whether the action is judged against the office of the
// resource it touches.
func (a Action) PerOffice() bool {
	switch a {
	case EditHours, EditRouter, ResetRouter, TestRouter, EditIVR, BulkHours, CopyIVR:
		return true
	}
	return false
}
