package emulator

import "switchboard/dialpad"

// Call centers and departments are both "groups" in Dialpad's API: an
// office, a name, week hours in the office's zone, the same list filters
// and the same partial PATCH. A groupKind tells the group handlers
// (group_read.go, group_update.go) which of the two they serve.
type groupKind[T any] struct {
	noun   string                 // "call center", for messages
	table  func(*store) *table[T] // where the store keeps them
	fields func(*T) groupFields   // the fields every group has
	schema func() schema          // what a PATCH may carry
}

// groupFields points at the fields call centers and departments share.
type groupFields struct {
	id, officeID *dialpad.ID
	name         *string
	timezone     *string
	availability *string
	hours        *dialpad.WeekHours
}

func callCenterKind() groupKind[dialpad.CallCenter] {
	return groupKind[dialpad.CallCenter]{
		noun:   "call center",
		table:  func(s *store) *table[dialpad.CallCenter] { return &s.callCenters },
		schema: callCenterPatchSchema,
		fields: func(c *dialpad.CallCenter) groupFields {
			return groupFields{&c.ID, &c.OfficeID, &c.Name, &c.Timezone, &c.AvailabilityStatus, &c.WeekHours}
		},
	}
}

func departmentKind() groupKind[dialpad.Department] {
	return groupKind[dialpad.Department]{
		noun:   "department",
		table:  func(s *store) *table[dialpad.Department] { return &s.departments },
		schema: departmentPatchSchema,
		fields: func(d *dialpad.Department) groupFields {
			return groupFields{&d.ID, &d.OfficeID, &d.Name, &d.Timezone, &d.AvailabilityStatus, &d.WeekHours}
		},
	}
}
