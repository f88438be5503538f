package views

import "strings"

// ivrUpperFirst upper-cases the first letter: "call center" -> "Call center".
func ivrUpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// ivrPlural picks the word for n.
func ivrPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// copyBadge names a copy item's status in words (each kind of change its
// own), with a colour that only repeats them.
func copyBadge(status string) Badge {
	switch status {
	case "reset":
		return Badge{Label: "Will reset to default", Color: BadgeAmber}
	case "same":
		return Badge{Label: "Already the same", Color: BadgeGreen}
	case "done":
		return Badge{Label: "Done", Color: BadgeGreen}
	case "failed":
		return Badge{Label: "Failed", Color: BadgeRed}
	case "skipped":
		return Badge{Label: "Skipped", Color: BadgeGrey}
	case "unknown":
		return Badge{Label: "May have been applied", Color: BadgeAmber}
	case "waiting":
		return Badge{Label: "Waiting", Color: BadgeGrey}
	case "kept":
		return Badge{Label: "Left alone", Color: BadgeGrey}
	case "unavailable":
		return Badge{Label: "Can't copy", Color: BadgeGrey}
	}
	return Badge{Label: "Will assign", Color: BadgeBlue}
}

// ivrGroupSelectable: the group has a target the person may tick.
func ivrGroupSelectable(g IVRTargetGroup) bool {
	for _, t := range g.Targets {
		if !t.Disabled {
			return true
		}
	}
	return false
}

// uploadBadge names the outcome of one target of a multi-target upload.
func uploadBadge(status string) Badge {
	switch status {
	case "applied":
		return Badge{Label: "Uploaded", Color: BadgeGreen}
	case "refused":
		return Badge{Label: "Refused by Dialpad", Color: BadgeRed}
	case "unknown":
		return Badge{Label: "May have been applied", Color: BadgeAmber}
	}
	return Badge{Label: "Not sent", Color: BadgeGrey}
}
