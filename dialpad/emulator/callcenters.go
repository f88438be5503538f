package emulator

import "switchboard/dialpad"

// MutateCallCenter changes a call center as if someone did it elsewhere
// (in Dialpad's own admin app), for tests of conflicting edits.
func (e *Emulator) MutateCallCenter(id dialpad.ID, fn func(*dialpad.CallCenter)) error {
	return mutateGroup(e, callCenterKind(), id, fn)
}
