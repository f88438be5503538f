package emulator

import (
	"slices"
	"strings"

	"switchboard/dialpad"
)

// isE164 tells an E.164 phone number: "+", then 7 to 15 digits, the first
// not a zero.
func isE164(s string) bool {
	digits, ok := strings.CutPrefix(s, "+")
	if !ok || len(digits) < 7 || len(digits) > 15 || digits[0] == '0' {
		return false
	}
	return strings.Trim(digits, "0123456789") == ""
}

// takeNumber moves a number out of the reserve pool to a target. The caller
// holds e.mu.
func (s *store) takeNumber(num *dialpad.Number, officeID, targetID dialpad.ID, targetType, status string) {
	num.Status = status
	num.TargetID = targetID
	num.TargetType = targetType
	num.OfficeID = officeID
}

// release puts a number back in the reserve pool.
func (s *store) release(number string) {
	if num, ok := s.numbers[number]; ok {
		num.Status = "available"
		num.TargetID = 0
		num.TargetType = ""
	}
}

// freeNumber finds the first free number of an area code, in number order.
func (s *store) freeNumber(areaCode string) (*dialpad.Number, bool) {
	var free []*dialpad.Number
	for _, n := range s.numbers {
		if n.Status == "available" && n.AreaCode == areaCode {
			free = append(free, n)
		}
	}
	if len(free) == 0 {
		return nil, false
	}
	return slices.MinFunc(free, func(a, b *dialpad.Number) int { return strings.Compare(a.Number, b.Number) }), true
}

// addNumber registers a number the company owns; targetType "" leaves it
// in the reserve pool.
func (s *store) addNumber(number, areaCode string, officeID dialpad.ID, targetType string, targetID dialpad.ID) {
	n := &dialpad.Number{
		Number:    number,
		AreaCode:  areaCode,
		CompanyID: s.company.ID,
		OfficeID:  officeID,
		Status:    "available",
		Type:      "local",
	}
	if targetType != "" {
		s.takeNumber(n, officeID, targetID, targetType, numberStatus(targetType))
	}
	s.numbers[number] = n
}

// numberStatus is the spec's NumberProto status for a number assigned to a
// target type.
func numberStatus(targetType string) string {
	switch targetType {
	case dialpad.TargetCallCenter:
		return "call_center"
	case dialpad.TargetCallRouter:
		return "call_router"
	default:
		return targetType // department, office, user, room
	}
}
