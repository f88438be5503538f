package demo

import "fmt"

// Mode is how the service answers routing requests.
type Mode string

// The modes, each one way a real routing service fails.
const (
	Healthy     Mode = "healthy"      // answers the configured target
	Error500    Mode = "error500"     // answers 500
	Slow        Mode = "slow"         // answers after Dialpad has given up
	Garbage     Mode = "garbage"      // answers something that is not JSON
	WrongTarget Mode = "wrong-target" // answers a target that does not exist
)

// modes lists every mode with the words the control page shows.
var modes = []struct {
	mode  Mode
	words string
}{
	{Healthy, "answer the configured target"},
	{Error500, "answer 500 Internal Server Error"},
	{Slow, "answer too late (after Dialpad's 5 seconds)"},
	{Garbage, "answer an HTML page instead of JSON"},
	{WrongTarget, "answer a target that does not exist"},
}

// Modes lists every mode, healthy first.
func Modes() []Mode {
	out := make([]Mode, len(modes))
	for i, m := range modes {
		out[i] = m.mode
	}
	return out
}

// ParseMode accepts a mode's name.
func ParseMode(s string) (Mode, error) {
	for _, m := range modes {
		if string(m.mode) == s {
			return m.mode, nil
		}
	}
	return "", fmt.Errorf("demo: unknown mode %q", s)
}
