package emulator

import "switchboard/dialpad"

// MutateDepartment changes a department as if someone did it elsewhere
// (in Dialpad's own admin app), for tests of conflicting edits.
func (e *Emulator) MutateDepartment(id dialpad.ID, fn func(*dialpad.Department)) error {
	return mutateGroup(e, departmentKind(), id, fn)
}
